package cn.talentportal.domain.shared;

/** Education levels in ascending order, so a requirement can be compared with what a candidate has. */
public enum Education {
    HIGH_SCHOOL, VOCATIONAL, JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTORATE;

    public boolean meets(Education required) {
        return required == null || compareTo(required) >= 0;
    }
}
