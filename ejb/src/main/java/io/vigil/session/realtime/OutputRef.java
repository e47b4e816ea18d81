package io.vigil.session.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The four fields that place a response delta: response, item, output index and content index. */
final class OutputRef {

    private OutputRef() {
    }

    static ObjectNode write(ObjectNode o, String responseId, String itemId, int outputIndex, int contentIndex) {
        o.put("response_id", responseId);
        o.put("item_id", itemId);
        o.put("output_index", outputIndex);
        o.put("content_index", contentIndex);
        return o;
    }
}
