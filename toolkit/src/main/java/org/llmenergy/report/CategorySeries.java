package org.llmenergy.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One value per category (trace, task, …), for the paper's bar figures (1, 8, 12).
 *
 * @param name       the legend label; it must say where the numbers come from (see {@link Labels})
 * @param categories the categories, in order
 * @param values     one value per category, in the figure's y unit
 * @param provenance the provenance label of the values (as {@link Series#provenance()})
 */
public record CategorySeries(String name, List<String> categories, double[] values, String provenance) {
    public CategorySeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provenance, "provenance");
        categories = List.copyOf(categories);
        if (categories.size() != values.length) {
            throw new IllegalArgumentException("category series '" + name + "' has " + categories.size() + " categories but "
                    + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("category series '" + name + "' value for '" + categories.get(i) + "' is not finite");
            }
        }
        values = values.clone();
    }

    @Override
    public double[] values() { return values.clone(); }

    /**
     * @param category a category
     * @return its value, or NaN when the series has none for it
     */
    public double value(String category) {
        int i = categories.indexOf(category);
        return i < 0 ? Double.NaN : values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategorySeries s && name.equals(s.name) && categories.equals(s.categories)
                && provenance.equals(s.provenance) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() { return Objects.hash(name, categories, provenance, Arrays.hashCode(values)); }
}
