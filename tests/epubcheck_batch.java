/*
 * epubcheck_batch.java - runs epubcheck (Debian's 4.2.6) on every file
 * named on the command line in ONE Java VM: epubcheck spends about 10 s
 * starting up and under a second a book after that.  Run in source-file
 * mode, which the JRE alone supports:
 *   java -cp /usr/share/java/epubcheck.jar tests/epubcheck_batch.java A.epub B.epub
 * After each file's own report it prints "EPUBCHECK-RESULT <exit> <file>".
 */
public class EpubcheckBatch {
    public static void main(String[] args) {
        for (String path : args) {
            int rc = new com.adobe.epubcheck.tool.EpubChecker().run(new String[] {path});
            System.out.flush();
            System.err.flush();
            System.out.println("EPUBCHECK-RESULT " + rc + " " + path);
            System.out.flush();
        }
    }
}
