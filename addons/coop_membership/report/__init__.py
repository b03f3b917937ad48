from . import member_list_xlsx
