package vn.thidua.domain.shared;

/** A command addressed to an existing event stream; the write side routes it by {@link #streamId()}. */
public interface TargetsStream {
    String streamId();
}
