use clap::Parser;

fn main() -> std::process::ExitCode {
    prongsai::cli::run(prongsai::cli::Cli::parse())
}
