package vn.thidua.domain.shared;

/** A command's answer that says what it recorded and carries the state it left behind. */
public interface Answered {
    Outcome outcome();
}
