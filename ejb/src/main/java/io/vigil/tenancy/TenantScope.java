package io.vigil.tenancy;

import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Confines the database to one tenant for every service call that takes a {@link TenantId}: the default
 * interceptor of every EJB (META-INF/ejb-jar.xml), so a new service is confined without doing anything.
 *
 * <p>It sets {@code vigil.tenant} for the current transaction; the row-level security policy on every table with a
 * {@code tenant_id} (afterMigrate.sql) then admits only that tenant's rows, for reads and writes, whatever SQL or
 * JPA query runs. The connection is the transaction's (the pool hands the same physical connection to every user
 * of {@code jdbc/vigil} within one transaction), so the setting reaches Hibernate's statements too. Calls without
 * a transaction or without a tenant argument change nothing. The confinement lasts as long as the call: afterwards
 * the transaction is back in its caller's scope (the outer tenant of a nested call, or none for system work that
 * goes on to other tenants). {@link TenantWork} runs a piece of code confined to one tenant.
 */
public class TenantScope {

    private static final String KEY = TenantScope.class.getName();

    @Resource(lookup = "jdbc/vigil")
    private DataSource db;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object confine(InvocationContext call) throws Exception {
        TenantId tenant = tenantArgument(call.getParameters());
        if (tenant == null || transactions.getTransactionKey() == null) {
            return call.proceed();
        }
        Object outer = transactions.getResource(KEY);
        if (tenant.equals(outer)) {
            return call.proceed();
        }
        set(tenant);
        boolean completed = false;
        try {
            Object result = call.proceed();
            completed = true;
            return result;
        } finally {
            restore(outer instanceof TenantId previous ? previous : null, completed);
        }
    }

    /** Back to the caller's scope: its tenant, or none (cross-tenant system work goes on after a tenant's call). */
    private void restore(TenantId outer, boolean completed) throws SQLException {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        try {
            set(outer);
        } catch (SQLException e) {
            // a failed call, or a failed statement it caught (25P02), leaves a transaction that can only roll back:
            // no later statement runs in it, so its scope no longer matters, and the call's own exception is the one
            // that does
            if (completed && !transactions.getRollbackOnly() && !"25P02".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private void set(TenantId tenant) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT set_config('vigil.tenant', ?, true)")) {
            s.setString(1, tenant == null ? "" : tenant.value().toString());
            s.execute();
        }
        transactions.putResource(KEY, tenant);
    }

    private static TenantId tenantArgument(Object[] parameters) {
        if (parameters != null) {
            for (Object p : parameters) {
                if (p instanceof TenantId t) {
                    return t;
                }
            }
        }
        return null;
    }
}
