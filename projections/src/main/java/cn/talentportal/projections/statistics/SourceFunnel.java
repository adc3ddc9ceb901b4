package cn.talentportal.projections.statistics;

import cn.talentportal.domain.candidate.CandidateSource;

/**
 * The candidates who came to the office through one channel, and how many of them applied, were interviewed,
 * signed, and were still in post at one year: each candidate counted once per step, whatever the number of their
 * applications.
 */
public record SourceFunnel(CandidateSource source, int registered, int applied, int interviewed, int signed,
                           int stillInPostAtOneYear) {
}
