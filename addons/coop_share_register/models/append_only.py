# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Append-only tables: the database itself refuses to change or delete their rows."""


def protect_rows(cr, table, columns, what):
    """Create (or replace) a trigger on table that refuses any DELETE and any UPDATE of
    columns, even through the ORM's own cursor; `what` names a row in the message
    (e.g. "is registered"). table and columns are the module's constants, never input."""
    old = ", ".join("OLD.%s" % c for c in columns)
    new = ", ".join("NEW.%s" % c for c in columns)
    cr.execute(  # pylint: disable=sql-injection
        """
        CREATE OR REPLACE FUNCTION {table}_protect() RETURNS trigger AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION '{table} % {what} and cannot be deleted', OLD.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            IF ROW({old}) IS DISTINCT FROM ROW({new}) THEN
                RAISE EXCEPTION '{table} % {what} and cannot be changed', OLD.id
                    USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN NEW;
        END $$ LANGUAGE plpgsql;
        DROP TRIGGER IF EXISTS {table}_protect ON {table};
        CREATE TRIGGER {table}_protect BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE PROCEDURE {table}_protect();
        """.format(table=table, old=old, new=new, what=what))
