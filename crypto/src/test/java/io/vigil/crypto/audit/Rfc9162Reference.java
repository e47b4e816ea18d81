package io.vigil.crypto.audit;

import java.util.ArrayList;
import java.util.List;

/** RFC 9162's recursive definitions (MTH, PATH, PROOF) written as literally as possible, to check the loops against. */
final class Rfc9162Reference {

    private final TreeHasher hasher = TreeHasher.create();
    private final List<byte[]> leaves;

    Rfc9162Reference(List<byte[]> leaves) {
        this.leaves = leaves;
    }

    byte[] mth(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return hasher.emptyRoot();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return hasher.node(mth(from, from + k), mth(from + k, to));
    }

    List<byte[]> path(int m, int from, int to) {
        int n = to - from;
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            result.addAll(path(m, from, from + k));
            result.add(mth(from + k, to));
        } else {
            result.addAll(path(m - k, from + k, to));
            result.add(mth(from, from + k));
        }
        return result;
    }

    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int from, int to, boolean b) {
        int n = to - from;
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(from, to));
            }
            return result;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            result.addAll(subproof(m, from, from + k, b));
            result.add(mth(from + k, to));
        } else {
            result.addAll(subproof(m - k, from + k, to, false));
            result.add(mth(from, from + k));
        }
        return result;
    }
}
