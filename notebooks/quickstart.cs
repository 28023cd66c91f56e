#!/usr/bin/env dotnet
// The quickstart notebook as a C# file-based app: `dotnet run notebooks/quickstart.cs`.
// Outside the repository, replace the #:project line with:  #:package Interactive.DlExt@0.1.0
#:project ../src/Interactive.DlExt/Interactive.DlExt.csproj

using Interactive.DlExt;
using Interactive.DlExt.Notebook;

var (train, test) = DataSplit.TrainTest(Datasets.Digits(flatten: true), 0.2, seed: 1);
var model = new Sequential(new Linear(64, 128), new ReLU(), new Linear(128, 10));

// The same request #!train builds, run through the console host: one progress line per epoch.
var host = new ConsoleHost(Console.Out, rewriteLine: !Console.IsOutputRedirected);
var options = new TrainingOptions { Epochs = 20, BatchSize = 32, Optimizer = new Adam(1e-3), ValidationSplit = 0.2, Seed = 1 };
var history = await Dl.TrainAsync(host, new TrainRequest(model, train, options));

Console.WriteLine(Trainer.Evaluate(model, test));
