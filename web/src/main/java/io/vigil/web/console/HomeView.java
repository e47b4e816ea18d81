package io.vigil.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Sends each person to the first page their role opens. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    private CurrentUser user;

    public String route() {
        if (user.isCallReader()) {
            return "/calls?faces-redirect=true";
        }
        if (user.isAdmin()) {
            return "/admin/system?faces-redirect=true";
        }
        return "/errors/403?faces-redirect=true";
    }
}
