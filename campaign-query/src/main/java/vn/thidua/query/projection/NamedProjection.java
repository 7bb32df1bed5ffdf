package vn.thidua.query.projection;

/**
 * A rebuildable projection kept current by the processing group of its own name: operators name it in
 * {@code /api/v1/admin/projections/{name}} as Axon names its processor.
 */
public abstract class NamedProjection implements RebuildableProjection {
    private final String name;

    protected NamedProjection(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String processingGroup() {
        return name;
    }
}
