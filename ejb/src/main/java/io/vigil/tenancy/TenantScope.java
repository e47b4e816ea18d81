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
 * a transaction or without a tenant argument change nothing; a nested call for another tenant is confined to that
 * tenant and restores the outer tenant when it returns.
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
        try {
            return call.proceed();
        } finally {
            if (outer instanceof TenantId previous && transactions.getTransactionKey() != null) {
                set(previous);
            }
        }
    }

    private void set(TenantId tenant) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT set_config('vigil.tenant', ?, true)")) {
            s.setString(1, tenant.value().toString());
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
