package vn.thidua.query.projection;

/** A rebuildable projection with the name operators use and the processing group that keeps it current. */
public abstract class NamedProjection implements RebuildableProjection {
    private final String name;
    private final String processingGroup;

    protected NamedProjection(String name, String processingGroup) {
        this.name = name;
        this.processingGroup = processingGroup;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String processingGroup() {
        return processingGroup;
    }
}
