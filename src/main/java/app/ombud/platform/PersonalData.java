package app.ombud.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The one masking kit for personal data (DESIGN.md §4, security.md): who may not see it, and how
 * phone numbers, ID numbers, e-mail addresses and names are masked — in fields, in free text,
 * and in whole views. Modules apply it where they build the views for readers, so the API and
 * the portal show the same; logs use it for recipients.
 */
public final class PersonalData {

    /**
     * What free text is searched for, in this order: e-mail addresses; resident ID numbers
     * (18 digits, the last may be X, or the old 15 digits; groups may be split by a space or dash);
     * Chinese mobile numbers (11 digits 1[3-9]…, also as 138 0013 8000 or 138-0013-8000, with
     * +86, 0086 or 86); landlines with their area code ((010)12345678, 0755-1234567).
     */
    private static final Pattern FOUND = Pattern.compile(String.join("|",
            "(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})",
            "(?<!\\d)(?<id18>[1-9]\\d{5}[ -]?\\d{8}[ -]?\\d{3}[\\dXx])(?![\\dXx])",
            "(?<!\\d)(?<id15>[1-9]\\d{5}[ -]?\\d{6}[ -]?\\d{3})(?!\\d)",
            "(?<!\\d)(?<mobile>(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4})(?!\\d)",
            "(?<!\\d)(?<landline>(?:\\(0\\d{2,3}\\)|0\\d{2,3})[ -]?\\d{7,8})(?!\\d)"));

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

    private PersonalData() {
    }

    /**
     * Whether personal data is kept from this actor: BI readers get statistics, never personal
     * data — unless they also hold a role that sees it anyway (ADMIN, LEADERSHIP).
     */
    public static boolean hiddenFrom(Actor actor) {
        return actor.has(Role.BI_READER) && !actor.hasAny(Role.ADMIN, Role.LEADERSHIP);
    }

    /**
     * Refuses a filter on personal data (a customer's phone or name, free text) for those it is
     * hidden from, so the API cannot be used to test whether a number complained.
     */
    public static void refuseFilter(Actor actor, String field, String value) {
        if (value != null && !value.isBlank() && hiddenFrom(actor)) {
            throw new OmbudException(OmbudException.Kind.FORBIDDEN, "PERSONAL_DATA_FILTER_REFUSED", field,
                    "Filtering by {0} is not open to BI readers: it would reveal personal data", field);
        }
    }

    /** Refuses personal data itself (e.g. an evidence file) to those it is hidden from. */
    public static void refuse(Actor actor, String what) {
        if (hiddenFrom(actor)) {
            throw OmbudException.forbidden("PERSONAL_DATA_REFUSED", "BI readers get no personal data ({0})", what);
        }
    }

    /** A phone number or address in a field of its own: 138****5678, z***@example.com, or ****. */
    public static String maskContact(String contact) {
        if (contact == null) {
            return null;
        }
        String masked = maskText(contact);
        if (!masked.equals(contact)) {
            return masked;
        }
        String text = contact.strip();
        return text.length() < 7 ? "****" : text.substring(0, 3) + "****" + text.substring(text.length() - 4);
    }

    /** A person's name as 张** (the first character, a star for each other). */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /**
     * Free text with every phone number, ID number and e-mail address in it masked: mobiles as
     * 138****8000 (a +86 prefix kept), landlines as 010-****5678, ID numbers as
     * 110101********123X, e-mail addresses as z***@example.com. Other text stays as written.
     */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return FOUND.matcher(text).replaceAll(found -> java.util.regex.Matcher.quoteReplacement(mask(found)));
    }

    /**
     * A copy of a view (a record, or a list, set or map of them, nested as deep as they go) with
     * {@link #maskText} applied to every string in it: every free text a reader can read, the
     * fields added later included. Other values (IDs, numbers, instants, enums) stay as they are.
     */
    @SuppressWarnings("unchecked")
    public static <T> T maskTexts(T view) {
        return (T) walk(view);
    }

    /** The value with its strings masked; the very same object when nothing in it changed. */
    private static Object walk(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> maskText(text);
            case Record record -> SHAPES.get(record.getClass()).masked(record);
            case List<?> list -> {
                List<Object> out = list.stream().map(PersonalData::walk).toList();
                yield same(list, out) ? list : out;
            }
            case Set<?> set -> {
                List<Object> out = set.stream().map(PersonalData::walk).toList();
                yield same(set, out) ? set : new LinkedHashSet<>(out);
            }
            case Map<?, ?> map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(k, walk(v)));
                yield same(map.values(), out.values()) ? map : out;
            }
            default -> value;
        };
    }

    private static boolean same(Collection<?> before, Collection<?> after) {
        var a = before.iterator();
        var b = after.iterator();
        while (a.hasNext() && b.hasNext()) {
            if (a.next() != b.next()) {
                return false;
            }
        }
        return !a.hasNext() && !b.hasNext();
    }

    private static String mask(MatchResult found) {
        String email = found.group("email");
        if (email != null) {
            return email.charAt(0) + "***" + email.substring(email.indexOf('@'));
        }
        String id = found.group("id18") != null ? found.group("id18") : found.group("id15");
        if (id != null) {
            String digits = id.replaceAll("[ -]", "");
            return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
        }
        String mobile = found.group("mobile");
        if (mobile != null) {
            String digits = mobile.replaceAll("\\D", "");
            String local = digits.substring(digits.length() - 11);
            String prefix = mobile.startsWith("+") ? "+86 " : digits.length() > 11 ? digits.substring(0,
                    digits.length() - 11) + " " : "";
            return prefix + local.substring(0, 3) + "****" + local.substring(7);
        }
        // the area code: 3 digits for 010 and 02x, 4 for the others
        String digits = found.group("landline").replaceAll("\\D", "");
        int area = digits.charAt(1) == '1' || digits.charAt(1) == '2' ? 3 : 4;
        return digits.substring(0, area) + "-" + "*".repeat(digits.length() - area - 4)
                + digits.substring(digits.length() - 4);
    }

    /** How to read a record's components and build a copy of it. */
    private record RecordShape(RecordComponent[] components, Constructor<?> constructor) {

        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                constructor.setAccessible(true);
                for (RecordComponent component : components) {
                    component.getAccessor().setAccessible(true);
                }
                return new RecordShape(components, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A record without its canonical constructor: " + type, e);
            }
        }

        Object masked(Record record) {
            Object[] values = new Object[components.length];
            try {
                boolean changed = false;
                for (int i = 0; i < components.length; i++) {
                    Object before = components[i].getAccessor().invoke(record);
                    values[i] = walk(before);
                    changed |= values[i] != before;
                }
                return changed ? constructor.newInstance(values) : record;
            } catch (IllegalAccessException | InstantiationException e) {
                throw new IllegalStateException("Cannot copy " + record.getClass(), e);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Cannot copy " + record.getClass(), e.getCause());
            }
        }
    }
}
