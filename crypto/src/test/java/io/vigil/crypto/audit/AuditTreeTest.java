package io.vigil.crypto.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The RFC 6962/9162 reference inputs used by the certificate-transparency implementations' tests. */
    private static final String[] VECTOR_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] VECTOR_ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private final TreeHasher hasher = TreeHasher.create();
    private final ProofVerifier verifier = ProofVerifier.create();

    @Test
    void rootsMatchTheReferenceVectors() {
        AuditLogWriter writer = AuditLogWriter.open(new InMemoryAuditTreeStore());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HEX.formatHex(writer.root()));
        for (int i = 0; i < VECTOR_LEAVES.length; i++) {
            writer.appendLeafHash(hasher.leaf(HEX.parseHex(VECTOR_LEAVES[i])));
            assertEquals(VECTOR_ROOTS[i], HEX.formatHex(writer.root()), "root of size " + (i + 1));
        }
    }

    @Test
    void everyRootAndProofEqualsTheRecursiveDefinitionAndVerifies() {
        int max = 70;
        InMemoryAuditTreeStore store = new InMemoryAuditTreeStore();
        AuditLogWriter writer = AuditLogWriter.open(store);
        List<byte[]> leaves = leaves(max);
        Rfc9162Reference reference = new Rfc9162Reference(leaves);
        TreeProofs proofs = TreeProofs.over(store);
        for (int n = 1; n <= max; n++) {
            writer.appendLeafHash(leaves.get(n - 1));
            byte[] root = writer.root();
            assertArrayEquals(reference.mth(0, n), root, "root of " + n);
            for (int m = 0; m < n; m++) {
                InclusionProof inclusion = proofs.inclusion(m, n);
                assertPaths(reference.path(m, 0, n), inclusion.path(), "inclusion " + m + " in " + n);
                assertTrue(verifier.verifyInclusion(inclusion, leaves.get(m), root), "inclusion " + m + " in " + n);
            }
            for (int m = 0; m <= n; m++) {
                ConsistencyProof consistency = proofs.consistency(m, n);
                if (m > 0 && m < n) {
                    assertPaths(reference.proof(m, n), consistency.path(), "consistency " + m + " to " + n);
                }
                assertTrue(verifier.verifyConsistency(consistency, reference.mth(0, m), root), "consistency " + m + " to " + n);
            }
        }
    }

    /**
     * A proof's tree size is bound by the root (a signed checkpoint names both), not by the path: a path for size
     * n can verify under size n + 1 when both trees have the same shape along it, so size is not tampered here.
     */
    @Test
    void tamperedInclusionProofsFail() {
        int n = 37;
        List<byte[]> leaves = leaves(n);
        InMemoryAuditTreeStore store = filled(leaves);
        byte[] root = TreeProofs.over(store).root(n);
        for (int m = 0; m < n; m++) {
            InclusionProof proof = TreeProofs.over(store).inclusion(m, n);
            for (int i = 0; i < proof.path().size(); i++) {
                assertFalse(verifier.verifyInclusion(new InclusionProof(m, n, flipped(proof.path(), i)), leaves.get(m), root));
            }
            List<byte[]> shorter = proof.path().subList(0, proof.path().size() - 1);
            assertFalse(verifier.verifyInclusion(new InclusionProof(m, n, shorter), leaves.get(m), root));
            List<byte[]> longer = new ArrayList<>(proof.path());
            longer.add(root);
            assertFalse(verifier.verifyInclusion(new InclusionProof(m, n, longer), leaves.get(m), root));
            assertFalse(verifier.verifyInclusion(new InclusionProof((m + 1) % n, n, proof.path()), leaves.get(m), root));
            assertFalse(verifier.verifyInclusion(proof, leaves.get((m + 1) % n), root));
            assertFalse(verifier.verifyInclusion(new InclusionProof(n, n, proof.path()), leaves.get(m), root));
        }
    }

    @Test
    void tamperedConsistencyProofsFail() {
        int n = 45;
        List<byte[]> leaves = leaves(n);
        InMemoryAuditTreeStore store = filled(leaves);
        TreeProofs proofs = TreeProofs.over(store);
        byte[] root = proofs.root(n);
        for (int m = 1; m < n; m++) {
            ConsistencyProof proof = proofs.consistency(m, n);
            byte[] firstRoot = proofs.root(m);
            for (int i = 0; i < proof.path().size(); i++) {
                assertFalse(verifier.verifyConsistency(new ConsistencyProof(m, n, flipped(proof.path(), i)), firstRoot, root));
            }
            assertFalse(verifier.verifyConsistency(new ConsistencyProof(m, n, List.of()), firstRoot, root));
            assertFalse(verifier.verifyConsistency(proof, proofs.root(m - 1), root), "wrong first root");
            assertFalse(verifier.verifyConsistency(proof, firstRoot, proofs.root(n - 1)), "wrong second root");
        }
        assertFalse(verifier.verifyConsistency(new ConsistencyProof(5, 4, List.of()), root, root));
        assertFalse(verifier.verifyConsistency(new ConsistencyProof(n, n, List.of()), proofs.root(n - 1), root));
    }

    @Test
    void aReopenedWriterContinuesTheSameTree() {
        List<byte[]> leaves = leaves(100);
        InMemoryAuditTreeStore store = new InMemoryAuditTreeStore();
        for (int cut : new int[] {0, 1, 2, 3, 7, 8, 13, 64, 99}) {
            store = new InMemoryAuditTreeStore();
            AuditLogWriter first = AuditLogWriter.open(store);
            leaves.subList(0, cut).forEach(first::appendLeafHash);
            AuditLogWriter second = AuditLogWriter.open(store);
            assertEquals(cut, second.size());
            assertArrayEquals(first.root(), second.root());
            leaves.subList(cut, 100).forEach(second::appendLeafHash);
            assertArrayEquals(new Rfc9162Reference(leaves).mth(0, 100), second.root(), "reopened at " + cut);
        }
    }

    @Test
    void aFailedStoreWriteLeavesTheWriterUnchanged() {
        List<byte[]> leaves = leaves(6);
        InMemoryAuditTreeStore memory = filled(leaves.subList(0, 5));
        boolean[] fail = {true};
        AuditTreeStore flaky = new AuditTreeStore() {
            @Override
            public long leafCount() {
                return memory.leafCount();
            }

            @Override
            public void put(List<TreeNode> nodes) {
                if (fail[0]) {
                    throw new IllegalStateException("connection lost");
                }
                memory.put(nodes);
            }

            @Override
            public List<byte[]> get(List<NodeAddress> addresses) {
                return memory.get(addresses);
            }
        };
        AuditLogWriter writer = AuditLogWriter.open(flaky);
        byte[] before = writer.root();
        assertThrows(IllegalStateException.class, () -> writer.appendLeafHash(leaves.get(5)));
        assertEquals(5, writer.size());
        assertArrayEquals(before, writer.root());
        fail[0] = false;
        writer.appendLeafHash(leaves.get(5));
        assertArrayEquals(new Rfc9162Reference(leaves).mth(0, 6), writer.root());
    }

    @Test
    void appendRefusesAnEntryOutOfSequenceAndProofsRefuseUnstoredSizes() {
        AuditLogWriter writer = AuditLogWriter.open(new InMemoryAuditTreeStore());
        writer.append(AuditFixture.entry(0));
        assertThrows(IllegalArgumentException.class, () -> writer.append(AuditFixture.entry(0)));
        assertThrows(IllegalArgumentException.class, () -> writer.append(AuditFixture.entry(2)));
        InMemoryAuditTreeStore store = filled(leaves(4));
        assertThrows(IllegalArgumentException.class, () -> TreeProofs.over(store).inclusion(0, 5));
        assertThrows(IllegalArgumentException.class, () -> TreeProofs.over(store).inclusion(4, 4));
        assertThrows(IllegalArgumentException.class, () -> TreeProofs.over(store).consistency(3, 2));
    }

    private List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(hasher.leaf(("entry " + i).getBytes()));
        }
        return leaves;
    }

    private static InMemoryAuditTreeStore filled(List<byte[]> leaves) {
        InMemoryAuditTreeStore store = new InMemoryAuditTreeStore();
        AuditLogWriter writer = AuditLogWriter.open(store);
        leaves.forEach(writer::appendLeafHash);
        return store;
    }

    private static List<byte[]> flipped(List<byte[]> path, int index) {
        List<byte[]> copy = new ArrayList<>(path);
        byte[] hash = copy.get(index).clone();
        hash[hash.length / 2] ^= 0x01;
        copy.set(index, hash);
        return copy;
    }

    private static void assertPaths(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + " element " + i);
        }
    }
}
