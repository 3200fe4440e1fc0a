/*
 * A fake libnvidia-ml.so.1 for the tests: it replays a scripted power trace so that the real JNA binding
 * (org.llmenergy.energy.NvmlLibrary) runs in `mvn verify` without a GPU.
 *
 * Built by toolkit/pom.xml during process-test-resources:
 *   gcc -shared -fPIC -Wl,-soname,libnvidia-ml.so.1 -o target/fake-nvml/libnvidia-ml.so.1 fake_nvml.c
 *
 * The ABI (function names, return codes, field ids, the nvmlFieldValue_t layout) follows NVIDIA's nvml.h
 * (NVML API version 12, as mirrored in github.com/XuehaiPan/nvml-dev nvml.h @bc73f41):
 *   NVML_SUCCESS 0, NVML_ERROR_UNINITIALIZED 1, NVML_ERROR_INVALID_ARGUMENT 2, NVML_ERROR_NOT_SUPPORTED 3,
 *   NVML_ERROR_NOT_FOUND 6, NVML_ERROR_INSUFFICIENT_SIZE 7, NVML_ERROR_DRIVER_NOT_LOADED 9,
 *   NVML_ERROR_GPU_IS_LOST 15; NVML_FI_DEV_POWER_AVERAGE 185, NVML_FI_DEV_POWER_INSTANT 186;
 *   nvmlFieldValue_t = {u32 fieldId, u32 scopeId, i64 timestamp, i64 latencyUsec, u32 valueType,
 *   u32 nvmlReturn, 8-byte value union} (40 bytes).
 *
 * The script (fake_nvml_set_script(text), re-read at every first nvmlInit; or the file named by the
 * environment variable FAKE_NVML_SCRIPT when no text was set) has one directive per line:
 *   init_rc N                    what nvmlInit_v2 returns (9 = driver not loaded)
 *   driver 550.54.15             the driver version string
 *   device key=value ...         one GPU; keys:
 *     uuid=GPU-...  name="NVIDIA H100 80GB HBM3"  arch=9 (nvmlDeviceArchitecture_t)  limit_w=700
 *     power=T:W,T:W,...          piecewise-constant board power, T in ms since nvmlInit, W in watts
 *     period_ms=100              the energy counter advances only at multiples of this period
 *     counter_start_mj=N         the counter's value at nvmlInit (unsigned 64-bit, so it can wrap)
 *     reset_at_ms=T              the counter restarts from 0 at T (a driver reload)
 *     counter_scale=1.0          the counter reports this fraction of the true energy (a disagreeing sensor)
 *     energy=ok|unsupported      nvmlDeviceGetTotalEnergyConsumption
 *     fields=ok|unsupported      NVML_FI_DEV_POWER_INSTANT/AVERAGE through nvmlDeviceGetFieldValues
 *     usage=average|instant|unsupported   what nvmlDeviceGetPowerUsage returns
 *     lost_after_ms=T            every call on the device returns NVML_ERROR_GPU_IS_LOST from T on
 *     mig=0|1                    MIG mode of the device
 *     temp_c=40 sm_mhz=1980 util=50
 * Time is CLOCK_MONOTONIC, the clock Java's System.nanoTime reads on Linux, unless a test sets a virtual
 * time with fake_nvml_set_time_ns(ns): from then on the fake's time is that value, and moves only when the
 * test sets it again (the Java side runs the meter on the same virtual clock), until fake_nvml_use_real_time().
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NVML_SUCCESS 0
#define NVML_ERROR_UNINITIALIZED 1
#define NVML_ERROR_INVALID_ARGUMENT 2
#define NVML_ERROR_NOT_SUPPORTED 3
#define NVML_ERROR_NOT_FOUND 6
#define NVML_ERROR_INSUFFICIENT_SIZE 7
#define NVML_ERROR_DRIVER_NOT_LOADED 9
#define NVML_ERROR_GPU_IS_LOST 15
#define NVML_FI_DEV_POWER_AVERAGE 185
#define NVML_FI_DEV_POWER_INSTANT 186
#define NVML_VALUE_TYPE_UNSIGNED_INT 1
#define NVML_POWER_SCOPE_MEMORY 2

#define MAX_DEVICES 8
#define MAX_STEPS 512

typedef struct {
    double t_ms;
    double watts;
} step_t;

typedef struct fake_device {
    char uuid[96];
    char name[96];
    unsigned int arch;
    unsigned int limit_mw;
    step_t steps[MAX_STEPS];
    int nsteps;
    double period_ms;
    unsigned long long counter_start_mj;
    double reset_at_ms;
    double counter_scale;
    int energy_rc;
    int fields_rc;
    int usage_rc;
    int usage_average;
    double lost_after_ms;
    unsigned int mig;
    unsigned int temp_c;
    unsigned int sm_mhz;
    unsigned int util;
} fake_device;

typedef struct {
    unsigned int fieldId;
    unsigned int scopeId;
    long long timestamp;
    long long latencyUsec;
    unsigned int valueType;
    unsigned int nvmlReturn;
    union {
        double dVal;
        unsigned int uiVal;
        unsigned long ulVal;
        unsigned long long ullVal;
        long long sllVal;
    } value;
} fake_field_value;

typedef struct {
    unsigned int gpu;
    unsigned int memory;
} fake_utilization;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char *script_text = NULL;
static int init_rc = NVML_SUCCESS;
static char driver_version[80] = "550.54.15";
static fake_device devices[MAX_DEVICES];
static int device_count = 0;
static int init_refs = 0;
static int init_calls = 0;
static double t0_ms = 0;
static long long virtual_ns = -1; /* < 0: real time; read and written with __atomic builtins */

static double now_ms(void) {
    long long v = __atomic_load_n(&virtual_ns, __ATOMIC_ACQUIRE);
    if (v >= 0) return v / 1e6;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double elapsed_ms(void) { return now_ms() - t0_ms; }

static void default_device(fake_device *d, int index) {
    memset(d, 0, sizeof(*d));
    snprintf(d->uuid, sizeof d->uuid, "GPU-00000000-0000-0000-0000-00000000000%d", index);
    snprintf(d->name, sizeof d->name, "Fake GPU %d", index);
    d->arch = 9;
    d->limit_mw = 700000;
    d->steps[0].t_ms = 0;
    d->steps[0].watts = 100;
    d->nsteps = 1;
    d->period_ms = 10;
    d->reset_at_ms = -1;
    d->counter_scale = 1.0;
    d->usage_average = 1;
    d->lost_after_ms = -1;
    d->temp_c = 40;
    d->sm_mhz = 1980;
    d->util = 50;
}

/* Energy in mJ drawn from 0 to t (ms): watts times milliseconds is millijoules. */
static double energy_mj(const fake_device *d, double t) {
    double e = 0;
    for (int i = 0; i < d->nsteps; i++) {
        double a = d->steps[i].t_ms;
        double b = i + 1 < d->nsteps ? d->steps[i + 1].t_ms : INFINITY;
        if (t <= a) break;
        double end = t < b ? t : b;
        e += d->steps[i].watts * (end - (a > 0 ? a : 0));
    }
    return e;
}

static double power_w(const fake_device *d, double t) {
    double w = d->nsteps > 0 ? d->steps[0].watts : 0;
    for (int i = 0; i < d->nsteps; i++)
        if (t >= d->steps[i].t_ms) w = d->steps[i].watts;
    return w;
}

static double average_w(const fake_device *d, double t) {
    double from = t > 1000 ? t - 1000 : 0;
    if (t - from < 1) return power_w(d, t);
    return (energy_mj(d, t) - energy_mj(d, from)) / (t - from);
}

static int lost(const fake_device *d, double t) { return d->lost_after_ms >= 0 && t >= d->lost_after_ms; }

static void parse_value(char **cursor, char *out, size_t n) {
    char *p = *cursor;
    size_t k = 0;
    if (*p == '"') {
        p++;
        while (*p && *p != '"') { if (k + 1 < n) out[k++] = *p; p++; }
        if (*p == '"') p++;
    } else {
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') { if (k + 1 < n) out[k++] = *p; p++; }
    }
    out[k] = 0;
    *cursor = p;
}

static void bounded_copy(char *out, size_t n, const char *value) {
    size_t k = strlen(value);
    if (k >= n) k = n - 1;
    memcpy(out, value, k);
    out[k] = 0;
}

static int parse_rc(const char *v) { return strcmp(v, "ok") == 0 ? NVML_SUCCESS : NVML_ERROR_NOT_SUPPORTED; }

static void parse_device(char *p, fake_device *d) {
    char key[64], value[16384];
    while (*p) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p || *p == '\n') break;
        size_t k = 0;
        while (*p && *p != '=' && *p != ' ') { if (k + 1 < sizeof key) key[k++] = *p; p++; }
        key[k] = 0;
        if (*p != '=') continue;
        p++;
        parse_value(&p, value, sizeof value);
        if (!strcmp(key, "uuid")) bounded_copy(d->uuid, sizeof d->uuid, value);
        else if (!strcmp(key, "name")) bounded_copy(d->name, sizeof d->name, value);
        else if (!strcmp(key, "arch")) d->arch = (unsigned) strtoul(value, NULL, 10);
        else if (!strcmp(key, "limit_w")) d->limit_mw = (unsigned) (atof(value) * 1000);
        else if (!strcmp(key, "period_ms")) d->period_ms = atof(value);
        else if (!strcmp(key, "counter_start_mj")) d->counter_start_mj = strtoull(value, NULL, 10);
        else if (!strcmp(key, "reset_at_ms")) d->reset_at_ms = atof(value);
        else if (!strcmp(key, "counter_scale")) d->counter_scale = atof(value);
        else if (!strcmp(key, "energy")) d->energy_rc = parse_rc(value);
        else if (!strcmp(key, "fields")) d->fields_rc = parse_rc(value);
        else if (!strcmp(key, "usage")) {
            d->usage_rc = strcmp(value, "unsupported") ? NVML_SUCCESS : NVML_ERROR_NOT_SUPPORTED;
            d->usage_average = strcmp(value, "instant") != 0;
        } else if (!strcmp(key, "lost_after_ms")) d->lost_after_ms = atof(value);
        else if (!strcmp(key, "mig")) d->mig = (unsigned) atoi(value);
        else if (!strcmp(key, "temp_c")) d->temp_c = (unsigned) atoi(value);
        else if (!strcmp(key, "sm_mhz")) d->sm_mhz = (unsigned) atoi(value);
        else if (!strcmp(key, "util")) d->util = (unsigned) atoi(value);
        else if (!strcmp(key, "power")) {
            d->nsteps = 0;
            char *s = value;
            while (*s && d->nsteps < MAX_STEPS) {
                char *end;
                double t = strtod(s, &end);
                if (*end != ':') break;
                double w = strtod(end + 1, &end);
                d->steps[d->nsteps].t_ms = t;
                d->steps[d->nsteps].watts = w;
                d->nsteps++;
                s = *end == ',' ? end + 1 : end;
            }
        }
    }
}

static void load_script(void) {
    init_rc = NVML_SUCCESS;
    snprintf(driver_version, sizeof driver_version, "550.54.15");
    device_count = 0;
    char *text = NULL;
    if (script_text) {
        text = strdup(script_text);
    } else {
        const char *file = getenv("FAKE_NVML_SCRIPT");
        FILE *f = file ? fopen(file, "r") : NULL;
        if (f) {
            fseek(f, 0, SEEK_END);
            long n = ftell(f);
            fseek(f, 0, SEEK_SET);
            text = calloc((size_t) n + 1, 1);
            if (text && fread(text, 1, (size_t) n, f) != (size_t) n) text[0] = 0;
            fclose(f);
        }
    }
    if (!text) {
        default_device(&devices[0], 0);
        device_count = 1;
        return;
    }
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        while (*line == ' ' || *line == '\t') line++;
        if (!strncmp(line, "init_rc", 7)) init_rc = atoi(line + 7);
        else if (!strncmp(line, "driver", 6)) {
            char *v = line + 6;
            while (*v == ' ') v++;
            bounded_copy(driver_version, sizeof driver_version, v);
        } else if (!strncmp(line, "device", 6) && device_count < MAX_DEVICES) {
            default_device(&devices[device_count], device_count);
            parse_device(line + 6, &devices[device_count]);
            device_count++;
        }
    }
    free(text);
}

static fake_device *dev(void *handle) {
    for (int i = 0; i < device_count; i++)
        if (handle == &devices[i]) return &devices[i];
    return NULL;
}

/* ---- control functions, exported for the tests only ---------------------------------------------- */

int fake_nvml_set_script(const char *text) {
    pthread_mutex_lock(&lock);
    free(script_text);
    script_text = text ? strdup(text) : NULL;
    pthread_mutex_unlock(&lock);
    return 0;
}

/* Virtual time: the fake's clock reads ns (>= 0) until the next call; a negative ns is refused. */
int fake_nvml_set_time_ns(long long ns) {
    if (ns < 0) return NVML_ERROR_INVALID_ARGUMENT;
    __atomic_store_n(&virtual_ns, ns, __ATOMIC_RELEASE);
    return 0;
}

/* Back to CLOCK_MONOTONIC. */
int fake_nvml_use_real_time(void) {
    __atomic_store_n(&virtual_ns, -1LL, __ATOMIC_RELEASE);
    return 0;
}

int fake_nvml_init_calls(void) { return init_calls; }

int fake_nvml_refs(void) { return init_refs; }

/* ---- the NVML subset the toolkit uses ------------------------------------------------------------- */

int nvmlInit_v2(void) {
    pthread_mutex_lock(&lock);
    init_calls++;
    if (init_refs == 0) {
        load_script();
        t0_ms = now_ms();
    }
    int rc = init_rc;
    if (rc == NVML_SUCCESS) init_refs++;
    pthread_mutex_unlock(&lock);
    return rc;
}

int nvmlInit(void) { return nvmlInit_v2(); }

int nvmlShutdown(void) {
    pthread_mutex_lock(&lock);
    int rc = init_refs > 0 ? NVML_SUCCESS : NVML_ERROR_UNINITIALIZED;
    if (init_refs > 0) init_refs--;
    pthread_mutex_unlock(&lock);
    return rc;
}

const char *nvmlErrorString(int rc) {
    switch (rc) {
        case NVML_SUCCESS: return "Success";
        case NVML_ERROR_UNINITIALIZED: return "Uninitialized";
        case NVML_ERROR_INVALID_ARGUMENT: return "Invalid Argument";
        case NVML_ERROR_NOT_SUPPORTED: return "Not Supported";
        case NVML_ERROR_NOT_FOUND: return "Not Found";
        case NVML_ERROR_INSUFFICIENT_SIZE: return "Insufficient Size";
        case NVML_ERROR_DRIVER_NOT_LOADED: return "Driver Not Loaded";
        case NVML_ERROR_GPU_IS_LOST: return "GPU is lost";
        default: return "Unknown Error";
    }
}

int nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    if (init_refs == 0) return NVML_ERROR_UNINITIALIZED;
    if (strlen(driver_version) + 1 > length) return NVML_ERROR_INSUFFICIENT_SIZE;
    strcpy(version, driver_version);
    return NVML_SUCCESS;
}

int nvmlDeviceGetCount_v2(unsigned int *count) {
    if (init_refs == 0) return NVML_ERROR_UNINITIALIZED;
    *count = (unsigned) device_count;
    return NVML_SUCCESS;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned int index, void **device) {
    if (init_refs == 0) return NVML_ERROR_UNINITIALIZED;
    if (index >= (unsigned) device_count) return NVML_ERROR_INVALID_ARGUMENT;
    if (lost(&devices[index], elapsed_ms())) return NVML_ERROR_GPU_IS_LOST;
    *device = &devices[index];
    return NVML_SUCCESS;
}

int nvmlDeviceGetHandleByUUID(const char *uuid, void **device) {
    if (init_refs == 0) return NVML_ERROR_UNINITIALIZED;
    for (int i = 0; i < device_count; i++)
        if (!strcmp(devices[i].uuid, uuid)) { *device = &devices[i]; return NVML_SUCCESS; }
    return NVML_ERROR_NOT_FOUND;
}

#define DEVICE_OR_FAIL(handle)                                            \
    fake_device *d = dev(handle);                                         \
    if (init_refs == 0) return NVML_ERROR_UNINITIALIZED;                  \
    if (!d) return NVML_ERROR_INVALID_ARGUMENT;                           \
    double t = elapsed_ms();                                              \
    if (lost(d, t)) return NVML_ERROR_GPU_IS_LOST;                        \
    (void) t

static int copy_string(char *out, unsigned int length, const char *value) {
    if (strlen(value) + 1 > length) return NVML_ERROR_INSUFFICIENT_SIZE;
    strcpy(out, value);
    return NVML_SUCCESS;
}

int nvmlDeviceGetName(void *handle, char *name, unsigned int length) {
    DEVICE_OR_FAIL(handle);
    return copy_string(name, length, d->name);
}

int nvmlDeviceGetUUID(void *handle, char *uuid, unsigned int length) {
    DEVICE_OR_FAIL(handle);
    return copy_string(uuid, length, d->uuid);
}

int nvmlDeviceGetArchitecture(void *handle, unsigned int *arch) {
    DEVICE_OR_FAIL(handle);
    *arch = d->arch;
    return NVML_SUCCESS;
}

int nvmlDeviceGetEnforcedPowerLimit(void *handle, unsigned int *limit) {
    DEVICE_OR_FAIL(handle);
    *limit = d->limit_mw;
    return NVML_SUCCESS;
}

int nvmlDeviceGetMigMode(void *handle, unsigned int *current, unsigned int *pending) {
    DEVICE_OR_FAIL(handle);
    *current = d->mig;
    *pending = d->mig;
    return NVML_SUCCESS;
}

int nvmlDeviceGetTotalEnergyConsumption(void *handle, unsigned long long *energy) {
    DEVICE_OR_FAIL(handle);
    if (d->energy_rc != NVML_SUCCESS) return d->energy_rc;
    double q = d->period_ms > 0 ? floor(t / d->period_ms) * d->period_ms : t;
    if (d->reset_at_ms >= 0 && q >= d->reset_at_ms) {
        *energy = (unsigned long long) llround(d->counter_scale * (energy_mj(d, q) - energy_mj(d, d->reset_at_ms)));
    } else {
        /* unsigned arithmetic: a start near 2^64 wraps, as a real 64-bit counter would */
        *energy = d->counter_start_mj + (unsigned long long) llround(d->counter_scale * energy_mj(d, q));
    }
    return NVML_SUCCESS;
}

int nvmlDeviceGetPowerUsage(void *handle, unsigned int *milliwatts) {
    DEVICE_OR_FAIL(handle);
    if (d->usage_rc != NVML_SUCCESS) return d->usage_rc;
    double w = d->usage_average ? average_w(d, t) : power_w(d, t);
    *milliwatts = (unsigned) llround(w * 1000);
    return NVML_SUCCESS;
}

int nvmlDeviceGetFieldValues(void *handle, int count, fake_field_value *values) {
    DEVICE_OR_FAIL(handle);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    for (int i = 0; i < count; i++) {
        fake_field_value *v = &values[i];
        v->timestamp = (long long) ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
        v->latencyUsec = 0;
        v->valueType = NVML_VALUE_TYPE_UNSIGNED_INT;
        if ((v->fieldId == NVML_FI_DEV_POWER_INSTANT || v->fieldId == NVML_FI_DEV_POWER_AVERAGE)
                && v->scopeId > NVML_POWER_SCOPE_MEMORY) {
            /* Power fields read scopeId as nvmlPowerScopeType_t (GPU 0, module 1, memory 2): a caller that
               leaves it uninitialised gets refused, as the real driver did. */
            v->nvmlReturn = NVML_ERROR_INVALID_ARGUMENT;
        } else if (v->fieldId == NVML_FI_DEV_POWER_INSTANT || v->fieldId == NVML_FI_DEV_POWER_AVERAGE) {
            v->nvmlReturn = (unsigned) d->fields_rc;
            double w = v->fieldId == NVML_FI_DEV_POWER_INSTANT ? power_w(d, t) : average_w(d, t);
            v->value.ullVal = 0;
            v->value.uiVal = (unsigned) llround(w * 1000);
        } else {
            v->nvmlReturn = NVML_ERROR_NOT_SUPPORTED;
        }
    }
    return NVML_SUCCESS;
}

int nvmlDeviceGetTemperature(void *handle, int sensor, unsigned int *temp) {
    DEVICE_OR_FAIL(handle);
    if (sensor != 0) return NVML_ERROR_INVALID_ARGUMENT;
    *temp = d->temp_c;
    return NVML_SUCCESS;
}

int nvmlDeviceGetClockInfo(void *handle, int type, unsigned int *mhz) {
    DEVICE_OR_FAIL(handle);
    *mhz = type == 1 ? d->sm_mhz : d->sm_mhz / 2;
    return NVML_SUCCESS;
}

int nvmlDeviceGetUtilizationRates(void *handle, fake_utilization *u) {
    DEVICE_OR_FAIL(handle);
    u->gpu = d->util;
    u->memory = d->util / 2;
    return NVML_SUCCESS;
}
