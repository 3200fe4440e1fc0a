package org.llmenergy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.llmenergy.impact.Amortisation;
import org.llmenergy.impact.ElectricityPrice;
import org.llmenergy.impact.EnergyAmount;
import org.llmenergy.impact.GridCatalog;
import org.llmenergy.impact.GridFactors;
import org.llmenergy.impact.GridSource;
import org.llmenergy.impact.ImpactRequest;
import org.llmenergy.impact.ImpactText;
import org.llmenergy.impact.Impacts;
import org.llmenergy.impact.Location;
import org.llmenergy.io.Json;
import org.llmenergy.units.Interval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code llm-energy impacts}: carbon, water, cost and embodied emissions of an energy, for a location or explicit
 * factors.
 */
@Command(name = "impacts", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Operational CO2e, water, cost and embodied CO2e of an energy, each with its factors' sources.",
                "Give exactly one of --region, --cloud or --grid-intensity: nothing is computed without a location."})
final class ImpactsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--energy", required = true, paramLabel = "AMOUNT", description = "IT energy with its unit: J, kJ, Wh, kWh or MWh (for example 1kWh)")
    String energy;

    @Option(names = "--energy-low", paramLabel = "AMOUNT", description = "low end of the energy's 90 %% interval (with --energy-high)")
    String energyLow;

    @Option(names = "--energy-high", paramLabel = "AMOUNT", description = "high end of the energy's 90 %% interval (with --energy-low)")
    String energyHigh;

    @Option(names = "--region", paramLabel = "ISO3|world", description = "country by ISO-3 code (or name), or 'world' for the world average")
    String region;

    @Option(names = "--cloud", paramLabel = "PROVIDER:REGION", description = "cloud region, for example gcp:europe-west1")
    String cloud;

    @Option(names = "--grid-intensity", paramLabel = "G", description = "your own grid intensity, gCO2e/kWh")
    Double gridIntensity;

    @Option(names = "--grid-water", paramLabel = "L", description = "with --grid-intensity: the grid's off-site water, L/kWh")
    Double gridWater;

    @Option(names = "--grid-source", defaultValue = "codecarbon", paramLabel = "codecarbon|ecologits",
            description = "which published intensity a country takes (default ${DEFAULT-VALUE})")
    String gridSource;

    @Option(names = "--pue", paramLabel = "P", description = "PUE, >= 1 (default: Google's fleet PUE for GCP, else the Uptime Institute survey average)")
    Double pue;

    @Option(names = "--wue", paramLabel = "W", description = "on-site water, L per kWh of IT energy (default: LBNL 2016 average)")
    Double wue;

    @Option(names = "--price-per-kwh", paramLabel = "X", description = "electricity price per kWh (with --currency)")
    Double pricePerKwh;

    @Option(names = "--currency", paramLabel = "CUR", description = "ISO 4217 currency of --price-per-kwh, for example EUR")
    String currency;

    @Option(names = "--gpu", paramLabel = "NAME", description = "GPU, for embodied emissions (published footprint: NVIDIA HGX H100)")
    String gpu;

    @Option(names = "--gpu-hours", paramLabel = "H", description = "GPU-hours of work (GPUs x hours), for embodied emissions")
    Double gpuHours;

    @Option(names = "--embodied-kg-per-gpu", paramLabel = "KG", description = "your own manufacturing footprint per GPU, kgCO2e")
    Double embodiedKg;

    @Option(names = "--lifetime-years", paramLabel = "Y", description = "GPU service life the footprint is spread over (default 4, an assumption)")
    Double lifetimeYears;

    @Option(names = "--utilisation", paramLabel = "U", description = "fraction of that life spent working, (0, 1] (default 1)")
    Double utilisation;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "text or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) throw new IllegalArgumentException("--format must be text or json, got '" + format + "'");
        int locations = (region == null ? 0 : 1) + (cloud == null ? 0 : 1) + (gridIntensity == null ? 0 : 1);
        if (locations != 1) {
            throw new IllegalArgumentException("give exactly one of --region ISO3|world, --cloud provider:region or --grid-intensity G"
                    + " (nothing is computed without a location)");
        }
        if (gridWater != null && gridIntensity == null) throw new IllegalArgumentException("--grid-water goes with --grid-intensity");
        if ((pricePerKwh == null) != (currency == null)) throw new IllegalArgumentException("--price-per-kwh and --currency go together");
        if (gpuHours != null && gpu == null) throw new IllegalArgumentException("--gpu-hours needs --gpu NAME");
        if ((energyLow == null) != (energyHigh == null)) throw new IllegalArgumentException("--energy-low and --energy-high go together");
        GridSource source = switch (gridSource) {
            case "codecarbon" -> GridSource.CODECARBON;
            case "ecologits" -> GridSource.ECOLOGITS;
            default -> throw new IllegalArgumentException("--grid-source must be codecarbon or ecologits, got '" + gridSource + "'");
        };

        double e = EnergyAmount.joules(energy);
        Interval energyJ = energyLow == null ? Interval.exact(e) : interval(EnergyAmount.joules(energyLow), e, EnergyAmount.joules(energyHigh));
        Location where = gridIntensity != null ? new Location.Direct(gridIntensity, gridWater)
                : cloud != null ? Location.CloudRegion.parse(cloud) : Location.region(region);
        GridFactors grid = where instanceof Location.Direct d ? GridCatalog.direct(d) : GridCatalog.load().grid(where, source);
        Amortisation a = lifetimeYears == null && utilisation == null ? Amortisation.DEFAULT
                : new Amortisation(lifetimeYears == null ? Amortisation.DEFAULT.lifetimeYears() : lifetimeYears,
                utilisation == null ? Amortisation.DEFAULT.utilisation() : utilisation,
                "user (--lifetime-years, --utilisation; unset ones at the llm-energy default)");
        if (gpuHours != null && !(gpuHours >= 0)) throw new IllegalArgumentException("--gpu-hours must be >= 0, got " + gpuHours);
        ImpactRequest request = ImpactRequest.of(energyJ, grid).withPue(pue).withWue(wue)
                .withPrice(pricePerKwh == null ? null : new ElectricityPrice(pricePerKwh, currency))
                .withGpu(gpu, gpuHours == null ? null : gpuHours * 3600).withEmbodiedKgPerGpu(embodiedKg).withAmortisation(a);
        Impacts impacts = Impacts.compute(request);

        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(Json.pretty().writeValueAsString(impacts.toJson()));
        } else {
            ImpactText.lines(impacts).forEach(out::println);
        }
        out.flush();
        return 0;
    }

    private static Interval interval(double low, double value, double high) {
        if (!(low <= value && value <= high)) {
            throw new IllegalArgumentException("--energy-low <= --energy <= --energy-high must hold, got " + low + " J, " + value + " J, " + high + " J");
        }
        return new Interval(value, low, high);
    }
}
