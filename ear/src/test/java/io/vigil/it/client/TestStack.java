package io.vigil.it.client;

/** Where the test stack that {@code ./vigil test} started answers. */
final class TestStack {

    private TestStack() {
    }

    static String baseUrl() {
        String url = System.getProperty("vigil.base.url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("run the integration tests with ./vigil test (vigil.base.url is not set)");
        }
        return url;
    }
}
