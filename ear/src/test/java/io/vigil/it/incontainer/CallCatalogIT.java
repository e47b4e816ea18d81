package io.vigil.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.CallDetail;
import io.vigil.session.domain.CallPage;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.CallSummary;
import io.vigil.session.domain.Channel;
import io.vigil.session.domain.Speaker;
import io.vigil.tenancy.Tenant;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.EJB;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside Payara against the real PostgreSQL that Flyway migrated and the demo data filled. */
@ExtendWith(ArquillianExtension.class)
class CallCatalogIT {

    @EJB
    private CallCatalog catalog;

    @EJB
    private TenantDirectory tenants;

    private TenantId tenant(String slug) {
        Tenant t = tenants.bySlug(slug).orElseThrow(() -> new AssertionError("demo tenant missing: " + slug));
        return new TenantId(t.id());
    }

    @Test
    void demoDataIsLoadedForTwoTenants() {
        // other tests add tenants of their own; the demo has these two
        assertTrue(tenants.all().stream().map(Tenant::name).toList().containsAll(List.of("Acme Bank", "Northwind Health")));
        long bank = catalog.count(tenant("acme-bank"), CallQuery.firstPage(25));
        long health = catalog.count(tenant("northwind-health"), CallQuery.firstPage(25));
        assertTrue(bank + health >= 200, "at least 200 demo calls, got " + (bank + health));
    }

    @Test
    void pagesAreDisjointAndNewestFirst() {
        TenantId bank = tenant("acme-bank");
        CallPage first = catalog.list(bank, CallQuery.firstPage(25));
        CallPage second = catalog.list(bank, CallQuery.firstPage(25).page(25, 25));
        assertEquals(25, first.rows().size());
        assertEquals(25, second.rows().size());
        Set<UUID> ids = new HashSet<>();
        first.rows().forEach(r -> ids.add(r.id()));
        second.rows().forEach(r -> assertTrue(ids.add(r.id()), "a call appears on two pages"));
        List<CallSummary> all = new java.util.ArrayList<>(first.rows());
        all.addAll(second.rows());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).startedAt().isAfter(all.get(i - 1).startedAt()), "not newest first at row " + i);
        }
    }

    @Test
    void filtersNarrowTheList() {
        TenantId bank = tenant("acme-bank");
        CallPage flagged = catalog.list(bank, CallQuery.firstPage(200).flagged(true));
        assertTrue(flagged.total() > 0, "the demo data has flagged calls");
        assertTrue(flagged.rows().stream().allMatch(CallSummary::flagged));
        CallPage phone = catalog.list(bank, CallQuery.firstPage(200).channel(Channel.PHONE));
        assertTrue(phone.rows().stream().allMatch(r -> r.channel() == Channel.PHONE));
        assertTrue(phone.total() < catalog.count(bank, CallQuery.firstPage(25)));
    }

    @Test
    void sortingByDurationOrdersRows() {
        List<CallSummary> rows = catalog.page(tenant("acme-bank"),
                CallQuery.firstPage(100).sortedBy(CallQuery.SortKey.DURATION, true));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).durationMs() >= rows.get(i - 1).durationMs(), "not ascending at row " + i);
        }
    }

    @Test
    void aCallShowsItsTranscriptEventsAndFlags() {
        TenantId bank = tenant("acme-bank");
        UUID id = catalog.page(bank, CallQuery.firstPage(200).flagged(true)).get(0).id();
        CallDetail detail = catalog.find(bank, id).orElseThrow();
        assertFalse(detail.transcript().isEmpty());
        assertEquals(Speaker.AGENT, detail.transcript().get(0).speaker(), "the agent's disclosure comes first");
        assertTrue(detail.transcript().get(0).text().contains("ai assistant"));
        assertFalse(detail.events().isEmpty());
        assertEquals(detail.session().flagCount(), detail.flags().size());
    }

    @Test
    void anotherTenantsCallIsNotFound() {
        TenantId bank = tenant("acme-bank");
        TenantId health = tenant("northwind-health");
        assertNotEquals(bank, health);
        UUID bankCall = catalog.page(bank, CallQuery.firstPage(1)).get(0).id();
        assertTrue(catalog.find(bank, bankCall).isPresent());
        assertTrue(catalog.find(health, bankCall).isEmpty(), "tenant isolation: another tenant's call is invisible");
        assertTrue(catalog.page(health, CallQuery.firstPage(200)).stream().noneMatch(r -> r.id().equals(bankCall)));
    }

    @Test
    void demoTranscriptsAreStoredRedacted() {
        TenantId bank = tenant("acme-bank");
        int tagged = 0;
        for (CallSummary call : catalog.page(bank, CallQuery.firstPage(120))) {
            for (var segment : catalog.find(bank, call.id()).orElseThrow().transcript()) {
                assertFalse(segment.text().contains("four one one one one one one one"), segment.text());
                assertFalse(segment.text().contains("maria gonzalez"), segment.text());
                if (segment.text().contains("[CREDIT_CARD]") || segment.text().contains("[PERSON]")) {
                    tagged++;
                }
            }
        }
        assertTrue(tagged > 10, "redaction tags in the stored demo transcripts: " + tagged);
    }
}
