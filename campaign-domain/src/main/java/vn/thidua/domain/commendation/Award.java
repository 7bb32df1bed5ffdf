package vn.thidua.domain.commendation;

/** Forms of commendation a cluster may propose (Law on Emulation and Commendation 2022). */
public enum Award {
    /** Cờ thi đua của Chính phủ. */
    GOVERNMENT_FLAG,
    /** Cờ thi đua của UBND tỉnh. */
    PROVINCIAL_FLAG,
    /** Bằng khen. */
    CERTIFICATE_OF_MERIT,
    /** Giấy khen. */
    CERTIFICATE;

    public boolean isFlag() {
        return this == GOVERNMENT_FLAG || this == PROVINCIAL_FLAG;
    }
}
