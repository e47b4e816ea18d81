-- Row-level tenant isolation: the predicate every tenant table's policy uses (the policies themselves are made
-- by afterMigrate.sql for every table with a tenant_id column, present and future).
-- vigil.tenant is empty or unset outside a tenant's transaction: then the row is admitted (cross-tenant system work).
CREATE FUNCTION vigil_tenant_admits(row_tenant uuid) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN coalesce(current_setting('vigil.tenant', true), '') = '' THEN true
                ELSE row_tenant = current_setting('vigil.tenant', true)::uuid END
$$;
