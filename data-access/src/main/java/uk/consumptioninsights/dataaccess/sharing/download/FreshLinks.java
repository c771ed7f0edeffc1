package uk.consumptioninsights.dataaccess.sharing.download;

import java.util.List;
import java.util.Set;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.model.work.Progress;

/** Where fresh download URLs come from: the server asked the same question again. */
public interface FreshLinks {

    /**
     * The files the server lists now for the same question, at fresh URLs.
     *
     * @param needed the ids of the files still to download
     */
    List<SharedFile> ask(Set<String> needed, Progress progress);

    /** The failure to report when the fresh answer lacks some of the files still needed. */
    SharingException filesGone();
}
