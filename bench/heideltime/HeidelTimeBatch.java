// Runs HeidelTime on many documents in one JVM (the jar's own main starts one per document,
// seconds each). Arguments: config.props, then a manifest: one "YYYY-MM-DD<TAB>input<TAB>output"
// a line. Each output gets HeidelTime's TimeML for its input, in news mode with that document date.
// Run as a source-file program: java -cp JAR HeidelTimeBatch.java CONFIG MANIFEST
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.List;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length < 3) continue;
            String text = Files.readString(Path.of(f[1]), StandardCharsets.UTF_8);
            String out;
            try {
                out = tagger.process(text, iso.parse(f[0]));
            } catch (Exception e) {
                out = "";
            }
            Files.writeString(Path.of(f[2]), out, StandardCharsets.UTF_8);
        }
    }
}
