package io.vigil.session.domain;

/** How the call reached Vigil. */
public enum Channel {
    PHONE, REALTIME_API, BROWSER
}
