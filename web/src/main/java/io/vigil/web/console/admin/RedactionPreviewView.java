package io.vigil.web.console.admin;

import io.vigil.redaction.DetectedEntity;
import io.vigil.redaction.RedactionResult;
import io.vigil.redaction.application.TextRedaction;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The administrators' redaction preview: paste a transcript, see what the engine finds and why. */
@Named
@ViewScoped
public class RedactionPreviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One finding as the page shows it, with the words it covers. */
    public record Finding(String type, String text, int start, int end, String score, String recognizer, String reason) {
    }

    @Inject
    private transient TextRedaction redaction;

    private String text = "yeah hi my card number is four one one one one one one one one one one one one one "
            + "one one and my email is jane dot doe at example dot com, the order number is five five two one";
    private String style = "TAG";
    private String redacted;
    private List<Finding> findings = List.of();

    public void preview() {
        try {
            RedactionResult result = redaction.redact(text, TextRedaction.Style.valueOf(style));
            redacted = result.redactedText();
            findings = result.entities().stream().map(this::finding).toList();
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_WARN, "Cannot redact this text", e.getMessage()));
        }
    }

    private Finding finding(DetectedEntity e) {
        return new Finding(e.type().name(), text.substring(e.start(), e.end()), e.start(), e.end(),
                String.format("%.2f", e.score()), e.recognizer(), e.reason());
    }

    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getStyle() { return style; }
    public void setStyle(String style) { this.style = style; }
    public String getRedacted() { return redacted; }
    public List<Finding> getFindings() { return findings; }
    public int getMaxChars() { return TextRedaction.MAX_CHARS; }
}
