package vn.thidua.query.projection;

/** How a projection stands: its serving generation and, while rebuilding, how far the rebuild has come. */
public record ProjectionStatus(String name, int activeGeneration, String status, Integer rebuildGeneration,
                               Long rebuildPosition, Long rebuildHead, Long rebuildEvents, String startedAt,
                               String finishedAt, Long heartbeatAt, String message) {
    public boolean rebuilding() {
        return "REBUILDING".equals(status);
    }
}
