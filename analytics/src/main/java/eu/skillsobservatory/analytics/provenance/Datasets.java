package eu.skillsobservatory.analytics.provenance;

import java.util.List;
import java.util.Optional;

/**
 * The datasets loaded (one record per name, shared by every instance on a cluster): what each load
 * into a dataset added, and removal of a dataset with its vacancies.
 */
public interface Datasets {
  /** Records a load into a dataset: its files and rows added to those of earlier loads. */
  Dataset record(Dataset load);

  /** The datasets loaded, by name. */
  List<Dataset> list();

  /** A dataset by its name. */
  Optional<Dataset> get(String name);

  /**
   * Removes a dataset: its vacancies, then its record. Duplicates elsewhere that pointed to its
   * vacancies keep their mark.
   *
   * @return the vacancies deleted
   */
  long delete(String name);
}
