package eu.skillsobservatory.analytics.rows;

import eu.skillsobservatory.analytics.progress.Progress;

/**
 * Reads the rows of one kind (vacancies, training offers) from an input, within the input limits
 * the reader was made with: every row becomes a value or rejections naming its line and field; an
 * input that cannot be read to its end says why in the report.
 */
public interface RowReader<T> {
  ReadReport read(RowInput input, RowSink<T> sink, Progress progress);
}
