package io.vigil.audit.domain;

/**
 * The client address of the request this thread serves, so that services record "from where" without every
 * caller passing it. The web tier sets it per request ({@link #of}: the peer address, or the right-most
 * {@code X-Forwarded-For} entry, the one the nearest proxy added, only when the operator says a proxy is in front);
 * an event that names no source gets it when appended.
 */
public final class RequestSource {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestSource() {
    }

    public static void enter(String address) {
        CURRENT.set(address);
    }

    public static void leave() {
        CURRENT.remove();
    }

    /** The current request's client address, or null outside a request. */
    public static String current() {
        return CURRENT.get();
    }

    /** The client address of a request: the peer, unless a trusted proxy reports the client in X-Forwarded-For. */
    public static String of(String peerAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            String nearest = hops[hops.length - 1].strip();
            if (!nearest.isEmpty()) {
                return AuditText.clean(nearest);
            }
        }
        return AuditText.clean(peerAddress);
    }
}
