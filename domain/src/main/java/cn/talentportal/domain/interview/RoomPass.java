package cn.talentportal.domain.interview;

/**
 * What joining the room answers: who the person is in this interview, and whether they wait until a panel member
 * admits them. The signalling server relays media offers only between people who do not wait.
 */
public record RoomPass(String interviewId, String participantId, String name, RoomRole role, boolean waiting) {
}
