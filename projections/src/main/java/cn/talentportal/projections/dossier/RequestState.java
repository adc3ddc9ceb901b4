package cn.talentportal.projections.dossier;

/** Where a retention service request stood; translated as {@code requestState.<NAME>}. */
public enum RequestState {
    OPEN, GRANTED, REFUSED
}
