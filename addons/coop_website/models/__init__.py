from . import mail_template
