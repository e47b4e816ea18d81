package io.vigil.crypto.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * CBOR (RFC 8949) encoding and decoding on top of Jackson's CBOR data format.
 *
 * <p>Encoding maps plain Java values: {@link Map} (keys {@link String} or {@link Integer}/{@link Long}, in
 * iteration order, so callers pass a {@link java.util.LinkedHashMap}), {@link List}, {@link String},
 * {@code byte[]} (byte string), {@link Integer}/{@link Long}, {@link Boolean}, {@code null} and {@link Tagged}.
 * Every map and array is written with a definite length and every integer in its shortest form, because
 * C2PA hashes and signs these bytes and c2pa-rs re-reads them with a strict decoder.
 *
 * <p>Decoding yields a Jackson tree: byte strings become binary nodes, integer map keys become their decimal
 * text ({@code "1"}, {@code "33"}), and tags are dropped (callers check a tag byte themselves where it matters).
 */
final class Cbor {

    /** A CBOR tagged value (major type 6), e.g. tag 18 for COSE_Sign1. */
    record Tagged(int tag, Object value) {
    }

    private static final CBORFactory FACTORY = CBORFactory.builder().build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Cbor() {
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonNode decode(byte[] bytes) throws IOException {
        JsonNode node = MAPPER.readTree(bytes);
        if (node == null || node.isMissingNode()) {
            throw new IOException("empty CBOR item");
        }
        return node;
    }

    private static void write(CBORGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Tagged tagged) {
            generator.writeTag(tagged.tag());
            write(generator, tagged.value());
        } else if (value instanceof List<?> list) {
            generator.writeStartArray(list, list.size());
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject(map, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                if (key instanceof String name) {
                    generator.writeFieldName(name);
                } else if (key instanceof Integer || key instanceof Long) {
                    generator.writeFieldId(((Number) key).longValue());
                } else {
                    throw new IllegalArgumentException("CBOR map keys must be text or integers, got " + key);
                }
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else {
            throw new IllegalArgumentException("No CBOR mapping for " + value.getClass().getName());
        }
    }
}
