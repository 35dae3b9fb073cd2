package org.frontdoor.allocation.domain;

import java.util.List;

import org.frontdoor.events.AlertKind;

/** One kind of alert as a pure function of a snapshot; a new kind of alert is a new rule in {@link AlertRules}. */
public interface AlertRule {

    AlertKind kind();

    /** The conditions of this kind that hold in the snapshot, at most one per subject. */
    List<AlertCondition> conditions(AlertSnapshot snapshot);
}
