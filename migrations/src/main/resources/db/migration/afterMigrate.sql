-- Tenant isolation in the database (docs/security.md, "Tenant isolation"). Runs after every migration, so a table
-- added later with a tenant_id column is confined the moment it exists: nobody has to remember it.
--
-- The policy admits a row when the transaction's tenant (vigil.tenant, set by io.vigil.tenancy.TenantScope for
-- every service call that takes a TenantId) is the row's, for reads and writes alike. A transaction that names no
-- tenant is cross-tenant system work (timers, the audit sequencer, migrations) and is not confined. FORCE makes the
-- policy bind the tables' owner too, which is the role Vigil connects as; it must not be a superuser or BYPASSRLS.
-- The audit log is excluded: it is one Merkle tree across tenants, append-only, and filtered by its readers.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.relname
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'audit\_%' AND c.relname NOT LIKE 'flyway%'
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
        EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.relname);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (vigil_tenant_admits(tenant_id))'
                       ' WITH CHECK (vigil_tenant_admits(tenant_id))', t.relname);
    END LOOP;
END;
$$;
