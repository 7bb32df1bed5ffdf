package vn.thidua.web.ui.forms;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of one submitted form, already in the reader's language: per field (keyed by the field's path, the
 * same path the REST contract and the domain use, e.g. {@code contents[0].indicators[1].weight}) and for the form
 * as a whole. Used from templates as {@code errors}.
 */
public final class FormErrors {
    private final MessageSource messages;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> global = new ArrayList<>();

    public FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    public void field(String path, String key, Object... args) {
        fields.putIfAbsent(path, text(key, args));
    }

    public void global(String key, Object... args) {
        String text = text(key, args);
        if (!global.contains(text)) {
            global.add(text);
        }
    }

    public boolean has(String path) {
        return fields.containsKey(path);
    }

    public String get(String path) {
        return fields.get(path);
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public List<String> getGlobal() {
        return global;
    }

    public boolean any() {
        return !fields.isEmpty() || !global.isEmpty();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
