package app.ombud.platform.ui;

import com.vaadin.flow.component.select.Select;
import java.util.Locale;

/** A small language picker: 简体中文 / English. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setItems(Locales.SUPPORTED);
        setItemLabelGenerator(locale -> locale.equals(Locales.ZH_CN) ? "简体中文" : "English");
        setAriaLabel("Language / 语言");
        addClassName("ombud-language-switch");
        addAttachListener(attach -> setValue(Locales.closest(attach.getUI().getLocale())));
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                Locales.switchTo(change.getValue());
            }
        });
    }
}
