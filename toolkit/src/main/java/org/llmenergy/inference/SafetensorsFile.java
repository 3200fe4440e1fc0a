package org.llmenergy.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llmenergy.io.Json;

/**
 * A reader for one safetensors file that works for files and tensors larger than 2 GB.
 *
 * <p>Layout (https://github.com/huggingface/safetensors, "Format"): an 8-byte little-endian unsigned header
 * length N, N bytes of UTF-8 JSON mapping each tensor name to {@code dtype}, {@code shape} and
 * {@code data_offsets [begin, end)} relative to the byte after the header, then the data. DJL's own decoder
 * reads the whole stream into memory with {@code int} offsets; this reader memory-maps each tensor in chunks of
 * whole rows below 2 GB and hands the mapped bytes to libtorch without a copy in the JVM heap.
 *
 * <p>The header is validated completely when the file is opened, before anything is allocated from its numbers:
 * its length against the file size and a 100 MB cap, the JSON itself, every dtype, shape and offset pair, the
 * byte count against shape x dtype size, and overlaps between tensors. Every error names the file and tensor.
 */
final class SafetensorsFile implements AutoCloseable {
    /** Same cap as the reference implementation (safetensors' MAX_HEADER_SIZE). */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** Largest mapped chunk: ByteBuffer capacities are ints. */
    static final long DEFAULT_MAX_CHUNK_BYTES = Integer.MAX_VALUE - 8;

    private static final ObjectMapper JSON = Json.uniqueKeys();

    private final Path path;
    private final FileChannel channel;
    private final Map<String, SafetensorsTensor> tensors;
    private final long maxChunkBytes;

    private SafetensorsFile(Path path, FileChannel channel, Map<String, SafetensorsTensor> tensors, long maxChunkBytes) {
        this.path = path;
        this.channel = channel;
        this.tensors = tensors;
        this.maxChunkBytes = maxChunkBytes;
    }

    /**
     * Opens and validates a safetensors file.
     *
     * @param path the file
     * @return the open file; close it when done (loaded tensors stay valid)
     * @throws CheckpointFormatException when the header is malformed or inconsistent
     */
    static SafetensorsFile open(Path path) {
        return open(path, DEFAULT_MAX_CHUNK_BYTES);
    }

    /** As {@link #open(Path)}, with a smaller chunk size so the chunked path can be tested on small files. */
    static SafetensorsFile open(Path path, long maxChunkBytes) {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open safetensors file " + path + ": " + e.getMessage(), e);
        }
        try {
            Map<String, SafetensorsTensor> tensors = readHeader(path, ch);
            return new SafetensorsFile(path, ch, tensors, maxChunkBytes);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** @return the file */
    Path path() { return path; }

    /** @return the tensors, in header order */
    Map<String, SafetensorsTensor> tensors() { return Collections.unmodifiableMap(tensors); }

    /**
     * Loads one tensor into a CPU NDArray. F32, F16 and F64 data are handed to libtorch as mapped memory without
     * a copy (the array keeps the mapping alive); BF16 is widened to F32 on the way, since DJL's PyTorch engine
     * cannot hold bfloat16. Tensors above the chunk size are mapped in chunks of whole rows and concatenated.
     *
     * @param name    tensor name
     * @param manager a CPU manager that will own the array
     * @return the tensor
     * @throws CheckpointFormatException when the tensor is missing or its dtype is not a float type
     */
    NDArray load(String name, NDManager manager) {
        SafetensorsTensor t = tensors.get(name);
        if (t == null) throw new CheckpointFormatException(path + ": no tensor '" + name + "'");
        DataType type = t.dtype().loadedAs();
        if (type == null) {
            throw new CheckpointFormatException(path + ": tensor '" + name + "' has dtype " + t.dtype()
                    + "; weights must be F32, F16, BF16 or F64");
        }
        long[] shape = t.shape().length == 0 ? new long[] {1} : t.shape();
        long rows = shape[0];
        long rowElements = 1;
        for (int i = 1; i < shape.length; i++) rowElements *= shape[i];
        if (rows == 0 || rowElements == 0) {
            return manager.create(new Shape(t.shape()), type);
        }
        long widen = type.getNumOfBytes() / t.dtype().bytes(); // 2 for BF16 -> F32, else 1
        long rowBytesOut = rowElements * type.getNumOfBytes();
        long rowsPerChunk = Math.max(1, maxChunkBytes / rowBytesOut);
        if (rowBytesOut > maxChunkBytes) {
            throw new CheckpointFormatException(path + ": tensor '" + name + "': one row of " + rowBytesOut
                    + " bytes is larger than the " + maxChunkBytes + "-byte mapping limit");
        }
        List<NDArray> chunks = new ArrayList<>();
        try {
            for (long r = 0; r < rows; r += rowsPerChunk) {
                long n = Math.min(rowsPerChunk, rows - r);
                long offset = t.start() + r * rowElements * t.dtype().bytes();
                long length = n * rowElements * t.dtype().bytes();
                long[] chunkShape = shape.clone();
                chunkShape[0] = n;
                ByteBuffer data = map(t, offset, length);
                if (widen == 2) data = widenBf16(data, Math.toIntExact(n * rowElements));
                chunks.add(manager.create(data, new Shape(chunkShape), type));
            }
            NDArray out = chunks.size() == 1 ? chunks.get(0) : NDArrays.concat(new NDList(chunks), 0);
            if (chunks.size() > 1) chunks.forEach(NDArray::close);
            return t.shape().length == 0 ? out.reshape(new Shape()) : out;
        } catch (RuntimeException e) {
            chunks.forEach(NDArray::close);
            throw e;
        }
    }

    private ByteBuffer map(SafetensorsTensor t, long offset, long length) {
        try {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
            return mapped.order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot map tensor '" + t.name() + "': " + e.getMessage(), e);
        }
    }

    /** bfloat16 is the upper half of a float32: shift each value into the high 16 bits. */
    private static ByteBuffer widenBf16(ByteBuffer src, int count) {
        ShortBuffer in = src.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        ByteBuffer out = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.nativeOrder());
        IntBuffer outInts = out.asIntBuffer();
        short[] block = new short[1 << 16];
        int[] widened = new int[1 << 16];
        for (int done = 0; done < count; ) {
            int n = Math.min(block.length, count - done);
            in.get(block, 0, n);
            for (int i = 0; i < n; i++) widened[i] = (block[i] & 0xFFFF) << 16;
            outInts.put(widened, 0, n);
            done += n;
        }
        return out;
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // Nothing was written; a failed close of a read-only channel loses nothing.
        }
    }

    // ---- header parsing and validation -------------------------------------------------------------------

    private static Map<String, SafetensorsTensor> readHeader(Path path, FileChannel ch) {
        long fileSize;
        try {
            fileSize = ch.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + path + ": " + e.getMessage(), e);
        }
        if (fileSize < 8) {
            throw new CheckpointFormatException(path + ": not a safetensors file: " + fileSize
                    + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer lenBuf = readFully(path, ch, 0, 8);
        long headerLen = lenBuf.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (headerLen < 2 || headerLen > MAX_HEADER_BYTES || headerLen > fileSize - 8) {
            throw new CheckpointFormatException(path + ": header length " + Long.toUnsignedString(headerLen)
                    + " is impossible (file has " + fileSize + " bytes; the format caps headers at "
                    + MAX_HEADER_BYTES + " bytes)");
        }
        ByteBuffer headerBuf = readFully(path, ch, 8, (int) headerLen);
        String header = StandardCharsets.UTF_8.decode(headerBuf).toString();
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at column " + loc.getColumnNr();
            throw new CheckpointFormatException(path + ": header is not valid JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointFormatException(path + ": header must be a JSON object");
        }
        long dataStart = 8 + headerLen;
        long dataLength = fileSize - dataStart;
        Map<String, SafetensorsTensor> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) continue;
            tensors.put(e.getKey(), parseEntry(path, e.getKey(), e.getValue(), dataStart, dataLength));
        }
        checkOverlaps(path, tensors);
        return tensors;
    }

    private static SafetensorsTensor parseEntry(Path path, String name, JsonNode n, long dataStart, long dataLength) {
        String where = path + ": tensor '" + name + "'";
        if (!n.isObject()) throw new CheckpointFormatException(where + ": entry must be an object");
        JsonNode dt = n.get("dtype");
        if (dt == null || !dt.isTextual()) throw new CheckpointFormatException(where + ": missing string field 'dtype'");
        SafetensorsDtype dtype = SafetensorsDtype.fromHeader(dt.textValue());
        if (dtype == null) throw new CheckpointFormatException(where + ": unknown dtype '" + dt.textValue() + "'");
        JsonNode sh = n.get("shape");
        if (sh == null || !sh.isArray()) throw new CheckpointFormatException(where + ": missing array field 'shape'");
        long[] shape = new long[sh.size()];
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = sh.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.longValue() < 0) {
                throw new CheckpointFormatException(where + ": shape[" + i + "] must be a non-negative integer, got " + d);
            }
            shape[i] = d.longValue();
            try {
                elements = Math.multiplyExact(elements, shape[i]);
            } catch (ArithmeticException overflow) {
                throw new CheckpointFormatException(where + ": shape " + sh + " has more elements than fit in 64 bits");
            }
        }
        JsonNode off = n.get("data_offsets");
        if (off == null || !off.isArray() || off.size() != 2) {
            throw new CheckpointFormatException(where + ": 'data_offsets' must be [begin, end]");
        }
        for (JsonNode o : off) {
            if (!o.isIntegralNumber() || !o.canConvertToLong() || o.longValue() < 0) {
                throw new CheckpointFormatException(where + ": data_offsets must be non-negative integers, got " + off);
            }
        }
        long begin = off.get(0).longValue();
        long end = off.get(1).longValue();
        if (begin > end || end > dataLength) {
            throw new CheckpointFormatException(where + ": data_offsets [" + begin + ", " + end
                    + "] fall outside the data region of " + dataLength + " bytes");
        }
        long expected;
        try {
            expected = Math.multiplyExact(elements, dtype.bytes());
        } catch (ArithmeticException overflow) {
            throw new CheckpointFormatException(where + ": shape " + sh + " x " + dtype.bytes() + " bytes overflows");
        }
        if (end - begin != expected) {
            throw new CheckpointFormatException(where + ": " + (end - begin) + " bytes of data, but shape "
                    + Arrays.toString(shape) + " of " + dtype + " needs " + expected);
        }
        return new SafetensorsTensor(name, dtype, shape, dataStart + begin, dataStart + end);
    }

    private static void checkOverlaps(Path path, Map<String, SafetensorsTensor> tensors) {
        List<SafetensorsTensor> sorted = new ArrayList<>(tensors.values());
        sorted.removeIf(t -> t.byteLength() == 0);
        sorted.sort(Comparator.comparingLong(SafetensorsTensor::start));
        for (int i = 1; i < sorted.size(); i++) {
            SafetensorsTensor a = sorted.get(i - 1);
            SafetensorsTensor b = sorted.get(i);
            if (b.start() < a.end()) {
                throw new CheckpointFormatException(path + ": tensors '" + a.name() + "' and '" + b.name()
                        + "' overlap in the data region");
            }
        }
    }

    private static ByteBuffer readFully(Path path, FileChannel ch, long position, int length) {
        ByteBuffer buf = ByteBuffer.allocate(length);
        try {
            while (buf.hasRemaining()) {
                int n = ch.read(buf, position + buf.position());
                if (n < 0) throw new CheckpointFormatException(path + ": file ends inside the header");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return buf.flip();
    }
}
