package io.vigil.crypto.c2pa;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One JUMBF box (ISO/IEC 19566-5) as C2PA uses it: either a superbox with a label and child boxes, or a
 * content box with a payload.
 *
 * <pre>
 * box         = LBox (u32 BE, whole box length) | TBox (4 ASCII) | payload
 * superbox    = box with TBox "jumb", payload = description box, then the child boxes
 * description = box with TBox "jumd", payload = type UUID (16) | toggles (1, 0x03 = requestable + label)
 *               | label (UTF-8, NUL-terminated)
 * content     = box with any other TBox, e.g. "cbor" (payload is one CBOR item)
 * </pre>
 *
 * <p>C2PA's type UUIDs are a four-character code followed by {@code 0011-0010-8000-00AA00389B71}: {@code c2pa}
 * (manifest store), {@code c2ma} (manifest), {@code c2as} (assertion store), {@code c2cl} (claim),
 * {@code c2cs} (claim signature), {@code cbor} (CBOR assertion).
 *
 * <p>A hashed URI to a box hashes its {@link #hashedPayload()}: the box bytes without its own 8-byte header.
 */
final class JumbfBox {

    static final String MANIFEST_STORE = "c2pa";
    static final String MANIFEST = "c2ma";
    static final String ASSERTION_STORE = "c2as";
    static final String CLAIM = "c2cl";
    static final String SIGNATURE = "c2cs";
    static final String CBOR_ASSERTION = "cbor";

    private static final byte[] UUID_SUFFIX = {
        0x00, 0x11, 0x00, 0x10, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private static final int HEADER = 8;
    private static final byte TOGGLES_REQUESTABLE_WITH_LABEL = 0x03;

    private final String boxType;
    private final String typeCode;
    private final String label;
    private final byte[] payload;
    private final List<JumbfBox> children;
    private final byte[] encoded;
    /** A superbox's description box as written (kept verbatim when a child is removed); null for content. */
    private final byte[] description;

    private JumbfBox(String boxType, String typeCode, String label, byte[] payload, List<JumbfBox> children,
            byte[] encoded, byte[] description) {
        this.boxType = boxType;
        this.typeCode = typeCode;
        this.label = label;
        this.payload = payload;
        this.children = children;
        this.encoded = encoded;
        this.description = description;
    }

    /** A superbox of C2PA type {@code typeCode} (e.g. {@code c2ma}) labelled {@code label}. */
    static JumbfBox superBox(String typeCode, String label, List<JumbfBox> children) {
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        ByteBuffer description = ByteBuffer.allocate(16 + 1 + labelBytes.length + 1);
        description.put(typeCode.getBytes(StandardCharsets.US_ASCII)).put(UUID_SUFFIX)
                .put(TOGGLES_REQUESTABLE_WITH_LABEL).put(labelBytes).put((byte) 0);
        return assemble(typeCode, label, box("jumd", description.array()), children);
    }

    private static JumbfBox assemble(String typeCode, String label, byte[] description, List<JumbfBox> children) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(description);
        for (JumbfBox child : children) {
            body.writeBytes(child.encoded);
        }
        return new JumbfBox("jumb", typeCode, label, null, List.copyOf(children), box("jumb", body.toByteArray()),
                description);
    }

    /**
     * This superbox without its child superbox {@code child} (compared by identity), every other byte as it was:
     * the description box and the remaining children are copied, not re-encoded.
     */
    JumbfBox without(JumbfBox child) {
        return assemble(typeCode, label, description, children.stream().filter(c -> c != child).toList());
    }

    /** This superbox with {@code old} (compared by identity) replaced by {@code replacement}, every other byte as it was. */
    JumbfBox replacing(JumbfBox old, JumbfBox replacement) {
        return assemble(typeCode, label, description, children.stream().map(c -> c == old ? replacement : c).toList());
    }

    /** A CBOR content box holding one encoded CBOR item. */
    static JumbfBox cborContent(byte[] cbor) {
        return new JumbfBox("cbor", null, null, cbor.clone(), List.of(), box("cbor", cbor), null);
    }

    /** Parses one box (and its descendants) that spans all of {@code bytes}. */
    static JumbfBox parse(byte[] bytes) throws C2paFormatException {
        List<JumbfBox> boxes = parseSequence(bytes, 0, bytes.length);
        if (boxes.size() != 1) {
            throw new C2paFormatException("Expected one JUMBF box, found " + boxes.size());
        }
        return boxes.get(0);
    }

    private static List<JumbfBox> parseSequence(byte[] bytes, int from, int to) throws C2paFormatException {
        List<JumbfBox> boxes = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < HEADER) {
                throw new C2paFormatException("Truncated JUMBF box header at offset " + at);
            }
            long length = ByteBuffer.wrap(bytes, at, 4).getInt() & 0xFFFFFFFFL;
            if (length < HEADER || length > to - at) {
                throw new C2paFormatException("JUMBF box at offset " + at + " has an impossible length " + length);
            }
            int end = at + (int) length;
            String type = new String(bytes, at + 4, 4, StandardCharsets.US_ASCII);
            byte[] encoded = Arrays.copyOfRange(bytes, at, end);
            boxes.add(type.equals("jumb") ? parseSuperBox(bytes, at, end, encoded)
                    : new JumbfBox(type, null, null, Arrays.copyOfRange(bytes, at + HEADER, end), List.of(), encoded, null));
            at = end;
        }
        return boxes;
    }

    private static JumbfBox parseSuperBox(byte[] bytes, int start, int end, byte[] encoded) throws C2paFormatException {
        List<JumbfBox> inner = parseSequence(bytes, start + HEADER, end);
        if (inner.isEmpty() || !inner.get(0).boxType.equals("jumd")) {
            throw new C2paFormatException("JUMBF superbox at offset " + start + " lacks its description box");
        }
        byte[] description = inner.get(0).payload;
        if (description.length < 17) {
            throw new C2paFormatException("JUMBF description box at offset " + start + " is too short");
        }
        String typeCode = new String(description, 0, 4, StandardCharsets.US_ASCII);
        String label = "";
        if ((description[16] & 0x02) != 0) {
            int nul = 17;
            while (nul < description.length && description[nul] != 0) {
                nul++;
            }
            label = new String(description, 17, nul - 17, StandardCharsets.UTF_8);
        }
        return new JumbfBox("jumb", typeCode, label, null, List.copyOf(inner.subList(1, inner.size())), encoded,
                inner.get(0).encoded);
    }

    private static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(HEADER + body.length).putInt(HEADER + body.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    boolean isSuperBox() {
        return boxType.equals("jumb");
    }

    /** The C2PA type code of a superbox ({@code c2ma}, ...); {@code null} for a content box. */
    String typeCode() {
        return typeCode;
    }

    /** The label of a superbox; {@code null} for a content box. */
    String label() {
        return label;
    }

    /** The child boxes of a superbox, without its description box. */
    List<JumbfBox> children() {
        return children;
    }

    /** The first child superbox labelled {@code label}. */
    Optional<JumbfBox> child(String childLabel) {
        return children.stream().filter(c -> c.isSuperBox() && childLabel.equals(c.label)).findFirst();
    }

    /** The payload of the first CBOR content box of this superbox. */
    byte[] cborPayload() throws C2paFormatException {
        return children.stream().filter(c -> c.boxType.equals("cbor")).findFirst()
                .map(c -> c.payload.clone())
                .orElseThrow(() -> new C2paFormatException("Box '" + label + "' has no CBOR content"));
    }

    /** Whether every content box inside this superbox holds only zero bytes (how C2PA lets a redaction keep the box). */
    boolean isZeroFilled() {
        for (JumbfBox child : children) {
            if (child.isSuperBox() ? !child.isZeroFilled() : !isZero(child.payload)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The whole box as written. */
    byte[] encoded() {
        return encoded.clone();
    }

    int length() {
        return encoded.length;
    }

    /** What a C2PA hashed URI to this box covers: the box without its LBox/TBox header. */
    byte[] hashedPayload() {
        return Arrays.copyOfRange(encoded, HEADER, encoded.length);
    }
}
