from . import coop_accounting_export_wizard
