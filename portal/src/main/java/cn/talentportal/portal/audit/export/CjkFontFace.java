package cn.talentportal.portal.audit.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One face of an OpenType collection (.ttc) as a standalone font file. Debian's Noto CJK fonts come as collections
 * of CFF-outline faces, which FOP can embed only from a standalone file (decision 0017).
 */
final class CjkFontFace {

    private static final int TTC_TAG = 0x74746366; // "ttcf"

    private CjkFontFace() {
    }

    /** The face's file in {@code cacheDir}, written once; later exports reuse it. */
    static Path extracted(Path collection, int face, Path cacheDir) throws IOException {
        String name = collection.getFileName().toString().replace(".ttc", "") + "-" + face + ".otf";
        Path target = cacheDir.resolve(name);
        if (!Files.exists(target)) {
            Path partial = Files.createTempFile(cacheDir, name, ".part");
            Files.write(partial, extract(Files.readAllBytes(collection), face));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** Copies the face's table directory and tables into a new sfnt, each table 4-byte aligned. */
    static byte[] extract(byte[] collection, int face) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(collection);
        if (collection.length < 12 || in.getInt(0) != TTC_TAG) {
            throw new IOException("not a font collection");
        }
        if (face < 0 || face >= in.getInt(8)) {
            throw new IOException("the collection has no face " + face);
        }
        int directory = in.getInt(12 + 4 * face);
        int tables = in.getShort(directory + 4) & 0xFFFF;
        int headerLength = 12 + 16 * tables;
        int total = headerLength;
        for (int i = 0; i < tables; i++) {
            total += padded(in.getInt(directory + 12 + 16 * i + 12));
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        out.put(collection, directory, 12);
        int position = headerLength;
        for (int i = 0; i < tables; i++) {
            int record = directory + 12 + 16 * i;
            int offset = in.getInt(record + 8);
            int length = in.getInt(record + 12);
            out.putInt(12 + 16 * i, in.getInt(record))      // tag
                    .putInt(16 + 16 * i, in.getInt(record + 4)) // checksum
                    .putInt(20 + 16 * i, position)
                    .putInt(24 + 16 * i, length);
            out.put(position, collection, offset, length);
            position += padded(length);
        }
        return out.array();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}
