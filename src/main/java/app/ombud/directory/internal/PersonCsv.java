package app.ombud.directory.internal;

import app.ombud.platform.OmbudException;
import app.ombud.platform.TextInput;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a people CSV as call centers produce it: UTF-8 (with or without BOM) or GB18030 from a
 * Chinese Excel, comma or semicolon separated, English or Chinese column names.
 */
public final class PersonCsv {

    public static final int MAX_ROWS = 5000;

    /** Columns and the names they may go by. */
    public enum Column {
        EMPLOYEE_ID(true, "employee_id", "employeeid", "employee id", "工号", "员工工号"),
        NAME(true, "name", "姓名"),
        DEPARTMENT(false, "department", "部门"),
        TEAM(false, "team", "班组", "团队", "小组"),
        ROLES(false, "roles", "角色"),
        ACTIVE(false, "active", "在职", "启用"),
        PHONE(false, "phone", "电话", "手机"),
        EMAIL(false, "email", "e-mail", "邮箱");

        final boolean required;
        final List<String> names;

        Column(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    /** One data row: its line in the file and its values by column (blank when absent). */
    public record Line(int line, Map<Column, String> values) {
        public String get(Column column) {
            return values.getOrDefault(column, "");
        }
    }

    private PersonCsv() {
    }

    public static String template() {
        return "employee_id,name,department,team,roles,active,phone,email\n"
                + "1701,张三,FRONT,一班,AGENT,true,13800000000,zhangsan@example.com\n";
    }

    public static List<Line> read(byte[] content) {
        String text = decode(content);
        if (text.isBlank()) {
            throw OmbudException.badRequest("CSV_EMPTY", "file", "The file is empty");
        }
        text = TextInput.required(text, "file", TextInput.Kind.FILE);
        char delimiter = firstLine(text).chars().filter(c -> c == ';').count()
                > firstLine(text).chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Column, String> headerOf = columns(parser.getHeaderNames());
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() >= MAX_ROWS) {
                    throw OmbudException.badRequest("CSV_TOO_MANY_ROWS", "file",
                            "The file has more than {0} rows; split it", MAX_ROWS);
                }
                Map<Column, String> values = new LinkedHashMap<>();
                headerOf.forEach((column, header) -> values.put(column,
                        record.isSet(header) ? record.get(header).strip() : ""));
                if (values.values().stream().allMatch(String::isEmpty)) {
                    continue;
                }
                lines.add(new Line((int) record.getRecordNumber() + 1, values));
            }
            if (lines.isEmpty()) {
                throw OmbudException.badRequest("CSV_EMPTY", "file", "The file has no data rows");
            }
            return lines;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw OmbudException.badRequest("CSV_UNREADABLE", "file", "The file is not a readable CSV: {0}",
                    String.valueOf(e.getMessage()));
        }
    }

    private static Map<Column, String> columns(List<String> headers) {
        Map<Column, String> found = new LinkedHashMap<>();
        for (String header : headers) {
            String normalized = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
            for (Column column : Column.values()) {
                if (column.names.contains(normalized) && !found.containsKey(column)) {
                    found.put(column, header);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required && !found.containsKey(column)) {
                missing.add(column.names.getFirst());
            }
        }
        if (!missing.isEmpty()) {
            throw OmbudException.badRequest("CSV_HEADER_MISSING", "file",
                    "The first line must name the columns; missing: {0}", String.join(", ", missing));
        }
        return found;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** UTF-8 when the bytes are valid UTF-8, else GB18030 (what Excel writes on Chinese Windows). */
    static String decode(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            text = new String(content, Charset.forName("GB18030"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
