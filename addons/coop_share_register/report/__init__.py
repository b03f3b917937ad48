from . import register_reports
