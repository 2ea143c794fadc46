import TenderXML

/// libFuzzer entry point: any bytes, read as a CSV scoresheet (the loader picks the CSV reader
/// from the `.csv` name). See Benchmarks/Fuzz/run.sh.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScoresheetCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? DocumentLoader().load(bytes: bytes, file: "fuzz.csv")
    return 0
}

// SwiftPM links an executable target's entry point as `FuzzScoresheetCSV_main`; libFuzzer's own main()
// is then unused, so start its driver from here.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzScoresheetCSV_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzScoresheetCSV(data, size) }
}
