package io.vigil.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the integration suite: the EAR that Maven built, exactly as it ships, with the
 * in-container test classes added to its web module. Deployed once for all test classes.
 */
@ArquillianSuiteDeployment
public final class VigilDeployment {

    private static final String WEB_MODULE = "vigil-web.war";

    private VigilDeployment() {
    }

    /**
     * The console protects every path; Arquillian's test runner servlet must answer without a sign-in, so the test
     * deployment (only) adds it to the unprotected paths of web.xml.
     */
    private static void openArquillianRunner(WebArchive web) {
        String webXml;
        try (InputStream in = web.get("WEB-INF/web.xml").getAsset().openStream()) {
            webXml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String marker = "<url-pattern>/api/*</url-pattern>";
        if (!webXml.contains(marker)) {
            throw new IllegalStateException("web.xml no longer has the public API collection this test relies on");
        }
        web.delete("WEB-INF/web.xml");
        web.setWebXML(new org.jboss.shrinkwrap.api.asset.StringAsset(webXml.replace(marker,
                marker + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>")));
    }

    @Deployment(testable = true)
    public static EnterpriseArchive vigil() {
        File built = new File(System.getProperty("vigil.ear", "target/vigil.ear"));
        if (!built.isFile()) {
            throw new IllegalStateException("build the EAR first (mvn package): " + built);
        }
        EnterpriseArchive ear = ShrinkWrap.create(ZipImporter.class, "vigil.ear").importFrom(built)
                .as(EnterpriseArchive.class);
        WebArchive web;
        try (InputStream in = ear.get(WEB_MODULE).getAsset().openStream()) {
            web = ShrinkWrap.create(ZipImporter.class, WEB_MODULE).importFrom(in).as(WebArchive.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        web.addPackage("io.vigil.it.incontainer");
        // a local RFC 3161 authority the in-container tests start inside the server (the crypto module's test jar)
        web.addClass(io.vigil.crypto.testing.LocalTimestampAuthority.class);
        openArquillianRunner(web);
        ear.delete(WEB_MODULE);
        ear.addAsModule(Testable.archiveToTest(web));
        return ear;
    }
}
