package app.ombud.platform.ui;

import app.ombud.platform.OmbudException;
import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a domain error where the person looks: next to the form field the service named, or
 * as a toast when the error is not about one field of this form.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    public FieldErrors on(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    public void show(OmbudException e) {
        HasValidation field = e.field() == null ? null : fields.get(e.field());
        if (field == null) {
            Toasts.error(e);
            return;
        }
        field.setErrorMessage(Toasts.message(e));
        field.setInvalid(true);
    }
}
