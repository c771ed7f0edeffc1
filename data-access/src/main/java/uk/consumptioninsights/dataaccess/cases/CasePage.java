package uk.consumptioninsights.dataaccess.cases;

import java.util.List;
import uk.consumptioninsights.model.cases.CaseReport;

/** One page of a case list and how many cases match the query in all, for the pager. */
public record CasePage(List<CaseReport> cases, long totalMatching, int offset, int limit) {

    public CasePage {
        cases = List.copyOf(cases);
    }

    public boolean hasNext() {
        return offset + cases.size() < totalMatching;
    }
}
