package digitlab.train.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How the commands read numbers, registered on every command line by {@link Cli}: the house's messages
 * ({@code 'abc' is not a whole number}, {@code 'NaN' is not a number}) instead of Java type names, and
 * surrounding blanks ignored.
 */
final class Converters {

    private Converters() {
    }

    /** Registers the converters for int, long and double (and their boxes). */
    static void register(CommandLine cl) {
        ITypeConverter<Integer> integer = v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + v + "' is not a whole number");
            }
        };
        ITypeConverter<Long> whole = v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + v + "' is not a whole number");
            }
        };
        ITypeConverter<Double> number = v -> {
            try {
                double d = Double.parseDouble(v.strip());
                if (!Double.isFinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + v + "' is not a number");
            }
        };
        cl.registerConverter(int.class, integer).registerConverter(Integer.class, integer)
                .registerConverter(long.class, whole).registerConverter(Long.class, whole)
                .registerConverter(double.class, number).registerConverter(Double.class, number);
    }

    /**
     * A comma-separated list of whole numbers, e.g. {@code 256,128}; {@code option} names the flag in the message.
     * (A plain string option read here, not a picocli list, so that "256,,128" is one message about one flag.)
     */
    static List<Integer> integers(String option, String v, String example) throws UsageException {
        List<Integer> out = new ArrayList<>();
        if (v == null) return out;
        for (String part : v.split(",", -1)) {
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new UsageException(option + ": '" + part.strip() + "' is not a whole number (write a list like " + example + ")");
            }
        }
        return out;
    }
}
