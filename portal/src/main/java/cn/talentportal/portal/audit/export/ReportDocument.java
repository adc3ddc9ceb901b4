package cn.talentportal.portal.audit.export;

import java.util.List;

/**
 * What an export says, already in the reader's language, independent of the format it is written in: a title and
 * blocks in order. The PDF lays it out; the texts come from the same bundles as the screens.
 */
public record ReportDocument(String title, String footer, List<Block> blocks) {

    public ReportDocument {
        blocks = List.copyOf(blocks);
    }

    public sealed interface Block permits Heading, Facts, Table, Code {
    }

    public record Heading(String text) implements Block {
    }

    /** Label and value pairs, such as a dossier section. */
    public record Facts(List<Fact> facts) implements Block {

        public Facts {
            facts = List.copyOf(facts);
        }
    }

    public record Fact(String label, String value) {
    }

    /** Rows under headers; widths in percent of the page, one per column. */
    public record Table(List<String> headers, List<Integer> widths, List<List<String>> rows) implements Block {

        public Table {
            headers = List.copyOf(headers);
            widths = List.copyOf(widths);
            rows = List.copyOf(rows);
            if (headers.size() != widths.size()) {
                throw new IllegalArgumentException("one width per column");
            }
        }
    }

    /** A value that must be read exactly (a hash), set in a monospaced face. */
    public record Code(String label, String text) implements Block {
    }
}
