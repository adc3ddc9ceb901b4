package cn.talentportal.portal.audit.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as CSV (RFC 4180) in UTF-8 with a byte order mark, which is what makes Excel on a Chinese Windows read the
 * characters as UTF-8 instead of GBK.
 */
public final class CsvReports {

    private static final String BOM = "\uFEFF";

    private CsvReports() {
    }

    public static byte[] write(List<String> headers, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(headers.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                csv.printRecord(row.stream().map(CsvReports::neutralised).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A value a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: exported text came
     * from users, and CSV injection is the classic way to turn an export into an attack on its reader.
     */
    static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
