package org.frontdoor.events;

/**
 * Kafka header names of CloudEvents 1.0 binary content mode, and of the dead-letter records, so
 * that every producer writes and every consumer reads exactly the same headers.
 */
public final class CloudEventHeaders {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** In binary mode the {@code datacontenttype} attribute travels as this header. */
    public static final String CONTENT_TYPE = "content-type";

    /** The value of {@link #SPECVERSION}. */
    public static final String SPEC_VERSION = "1.0";
    /** The value of {@link #CONTENT_TYPE}: every event's data is JSON. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    /** Why the consumer gave up on the record (parse or validation failure), ids only, no data. */
    public static final String DLQ_REASON = "frontdoor_dlq_reason";
    public static final String DLQ_ORIGINAL_TOPIC = "frontdoor_dlq_original_topic";
    public static final String DLQ_ORIGINAL_PARTITION = "frontdoor_dlq_original_partition";
    public static final String DLQ_ORIGINAL_OFFSET = "frontdoor_dlq_original_offset";
    public static final String DLQ_CONSUMER = "frontdoor_dlq_consumer";

    private CloudEventHeaders() {
    }
}
